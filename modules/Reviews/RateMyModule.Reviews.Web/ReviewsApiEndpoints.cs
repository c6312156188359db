using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Caching;
using RateMyModule.Courses;
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

    private static async Task<IResult> GetStatsAsync(Guid moduleId, int? from, int? to, [FromServices] ICatalogueLookup catalogue, [FromServices] ModuleStatsQuery stats, CancellationToken cancellationToken)
    {
        if (await catalogue.GetModuleAsync(moduleId, cancellationToken) is null)
        {
            return Results.NotFound();
        }

        return Results.Ok(await stats.GetAsync(moduleId, ModuleStatsQuery.Dimensions, from, to, cancellationToken));
    }
}
