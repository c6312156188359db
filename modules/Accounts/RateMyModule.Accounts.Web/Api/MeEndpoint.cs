using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using RateMyModule.Courses;

namespace RateMyModule.Accounts.Web.Api;

public sealed record MeUniversityDto(Guid Id, string Name, string ShortName);

public sealed record MeCourseDto(Guid Id, string Name);

public sealed record MeDto(Guid Id, string Email, IReadOnlyList<string> Roles, MeUniversityDto? University, IReadOnlyList<MeCourseDto> Courses);

/// <summary><c>GET /api/v1/me</c>: the signed-in user, their university and enrolled courses.</summary>
public static class MeEndpoint
{
    public const string Path = "/api/v1/me";

    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetAsync).RequireAuthorization();
        return endpoints;
    }

    // [FromServices] says so explicitly: a host without the Courses module must not infer the catalogue as a body.
    private static async Task<IResult> GetAsync(
        ClaimsPrincipal principal, [FromServices] IAccountLookup accounts, [FromServices] ICatalogueLookup catalogue, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || (await accounts.GetUsersAsync([userId], cancellationToken)).SingleOrDefault() is not { } user)
        {
            return Results.Unauthorized();
        }

        var university = user.UniversityId is { } universityId ? await catalogue.GetUniversityAsync(universityId, cancellationToken) : null;
        var courses = await catalogue.GetCoursesAsync(await accounts.GetEnrolledCourseIdsAsync(userId, cancellationToken), cancellationToken);
        return Results.Ok(new MeDto(
            user.Id,
            user.Email,
            user.Roles,
            university is null ? null : new MeUniversityDto(university.Id, university.Name, university.ShortName),
            courses.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new MeCourseDto(c.Id, c.Name)).ToList()));
    }
}
