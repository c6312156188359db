using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;

namespace RateMyModule.Reviews.Web;

/// <summary>Turns the services' business exceptions into RFC 7807 problem details with the user's language.</summary>
public static class ReviewsApiProblems
{
    private static readonly HashSet<string> Conflicts = ["Reviews:AlreadyReviewed", "Reviews:AlreadyReported"];

    private static readonly HashSet<string> Refusals = ["Reviews:NotEligible", "Reviews:ModuleClosed", "Reviews:CannotReportOwn", "Reviews:NotMember", "Reviews:CannotVoteOwn"];

    public static async Task<IResult> RunAsync(IStringLocalizer localizer, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (EntityNotFoundException)
        {
            // Out of the user's scope answers the same as missing: the API does not tell what exists elsewhere.
            return Results.Problem(statusCode: StatusCodes.Status404NotFound);
        }
        catch (BusinessException e)
        {
            var message = localizer[e.Code, [.. e.Arguments]].Value;
            if (e.Field is { } field)
            {
                return Field(JsonNamingPolicy.CamelCase.ConvertName(field), message);
            }

            var status = e.Code == "Reviews:SignInRequired" ? StatusCodes.Status401Unauthorized
                : Conflicts.Contains(e.Code) ? StatusCodes.Status409Conflict
                : Refusals.Contains(e.Code) ? StatusCodes.Status403Forbidden
                : StatusCodes.Status400BadRequest;
            return Results.Problem(detail: message, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = e.Code });
        }
    }

    /// <summary>A 400 validation problem whose key is the JSON name of the field at fault.</summary>
    public static IResult Field(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
