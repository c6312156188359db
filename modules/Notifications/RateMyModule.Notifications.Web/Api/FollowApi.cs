using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Application;

namespace RateMyModule.Notifications.Web.Api;

/// <summary>
/// PUT follows a module, DELETE stops following it; both are idempotent and answer 204. An unknown module is 404, an
/// archived one 409 with the reason. Signed-in users only (401 otherwise). Antiforgery: PUT and DELETE cannot be sent
/// by a cross-site form, and no body is read.
/// </summary>
public static class FollowApi
{
    public static IEndpointRouteBuilder MapFollowApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/modules/{moduleId:guid}/follow").RequireAuthorization();
        api.MapPut("", FollowAsync);
        api.MapDelete("", UnfollowAsync);
        return endpoints;
    }

    private static async Task<IResult> FollowAsync(
        Guid moduleId, [FromServices] FollowService follows, [FromServices] IStringLocalizer<NotificationsResource> l, CancellationToken cancellationToken)
    {
        try
        {
            await follows.FollowAsync(moduleId, cancellationToken);
            return Results.NoContent();
        }
        catch (EntityNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: l["There is no such module."].Value);
        }
        catch (BusinessException error)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: l[error.Code, error.Arguments.ToArray()].Value);
        }
    }

    private static async Task<IResult> UnfollowAsync(Guid moduleId, [FromServices] FollowService follows, CancellationToken cancellationToken)
    {
        await follows.UnfollowAsync(moduleId, cancellationToken);
        return Results.NoContent();
    }
}
