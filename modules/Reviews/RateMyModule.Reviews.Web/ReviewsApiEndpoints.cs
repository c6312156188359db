using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Caching;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web;

/// <summary>
/// Read API of the module page: the visible reviews (same filters, sorts and keyset paging) and the stats.
/// Services are marked: one not registered yet (the catalogue before its module is installed) must fail the
/// request, not be mistaken for a request body when the app starts.
/// </summary>
public static class ReviewsApiEndpoints
{
    public static IEndpointRouteBuilder MapReviewsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/modules/{moduleId:guid}").CacheOutput(PublicPageCachePolicy.Name);
        group.MapGet("/reviews", GetReviewsAsync);
        group.MapGet("/stats", GetStatsAsync);

        // Reading is open: a visible review to anyone, a hidden one only to its moderators (404 to everyone else).
        endpoints.MapGet("/api/v1/reviews/{reviewId:guid}", GetReviewAsync);
        endpoints.MapGet("/api/v1/tags", GetTagsAsync);
        endpoints.MapGet("/api/v1/reports", GetReportsAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> GetReviewsAsync(
        Guid moduleId,
        string? q,
        int? rating,
        int? year,
        Guid[]? tag,
        ReviewSort? sort,
        string? after,
        [FromServices] ICatalogueLookup catalogue,
        [FromServices] ReviewListQuery query,
        [FromServices] IOptions<ReviewsOptions> options,
        CancellationToken cancellationToken)
    {
        if (await catalogue.GetModuleAsync(moduleId, cancellationToken) is not { } module)
        {
            return Results.NotFound();
        }

        var page = await query.GetPageAsync(moduleId, module.UniversityId, new ReviewFilter(q, rating, year, tag ?? [], sort ?? ReviewSort.Newest, after), options.Value.PageSize, cancellationToken);
        return Results.Ok(page);
    }

    private static async Task<IResult> GetReviewAsync(Guid reviewId, [FromServices] ReviewListQuery query, CancellationToken cancellationToken) =>
        await query.GetAsync(reviewId, cancellationToken) is { } review ? Results.Ok(review) : Results.Problem(statusCode: StatusCodes.Status404NotFound);

    /// <summary>Verified tags in name order; <paramref name="q"/> is a name prefix, <paramref name="after"/> the previous page's cursor.</summary>
    private static async Task<IResult> GetTagsAsync(string? q, string? after, int? pageSize, [FromServices] TagService tags, CancellationToken cancellationToken)
    {
        var page = await tags.GetVerifiedPageAsync(q, after, pageSize ?? 50, cancellationToken);
        return Results.Ok(new
        {
            items = page.Items.Select(t => new { t.Id, t.Name, Kind = t.Kind.ToString(), t.ReviewCount }),
            nextCursor = page.NextCursor,
        });
    }

    /// <summary>Staff only, scoped like the queue: <paramref name="status"/> is "open" (default) or "solved".</summary>
    private static async Task<IResult> GetReportsAsync(
        string? status, Guid? universityId, string? after, int? pageSize, [FromServices] ReportListQuery reports,
        [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken)
    {
        if (status is not (null or "open" or "solved"))
        {
            return ReviewsApiProblems.Field("status", localizer["Api:ReportStatus"]);
        }

        try
        {
            var page = await reports.GetPageAsync(status != "solved", universityId, after, pageSize ?? 25, cancellationToken);
            return Results.Ok(new
            {
                items = page.Items.Select(c => new
                {
                    c.ReviewId,
                    c.ModuleId,
                    c.UniversityId,
                    c.Text,
                    Status = c.IsOpen ? "open" : "solved",
                    c.ReporterCount,
                    Reasons = c.Reasons.Select(r => r.ToString()),
                    c.Date,
                    Decision = c.Decision?.ToString(),
                    c.ModeratorId,
                    c.Note,
                }),
                nextCursor = page.NextCursor,
            });
        }
        catch (EntityNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static async Task<IResult> GetStatsAsync(Guid moduleId, int? from, int? to, [FromServices] ICatalogueLookup catalogue, [FromServices] ModuleStatsQuery stats, CancellationToken cancellationToken)
    {
        if (await catalogue.GetModuleAsync(moduleId, cancellationToken) is null)
        {
            return Results.NotFound();
        }

        return Results.Ok(await stats.GetAsync(moduleId, ModuleStatsQuery.Dimensions, from, to, cancellationToken));
    }
}
