using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Api;

/// <summary>
/// Turns the catalogue's exceptions into RFC 7807 problem details: missing (or out of scope) 404, no permission
/// 403, lost update 409, a broken rule 400 with the localized message under its field.
/// </summary>
public sealed class CatalogueProblemFilter(IStringLocalizer<CoursesResource> localizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (EntityNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: localizer["The item does not exist."]);
        }
        catch (CatalogueAccessDeniedException error)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: localizer[error.Code]);
        }
        catch (ConcurrencyConflictException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: localizer["The item was changed by someone else after you opened it. Reload the page to see their change, then make yours again."]);
        }
        catch (BusinessException error)
        {
            var message = localizer[error.Code, error.Arguments.ToArray()].Value;
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [ToCamelCase(error.Field) ?? ""] = [message] },
                title: message,
                extensions: new Dictionary<string, object?> { ["code"] = error.Code });
        }
    }

    private static string? ToCamelCase(string? field)
        => string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];
}
