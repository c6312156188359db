using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Web.Api;

public sealed record ArchiveRequest(string? ConcurrencyStamp);

/// <summary>
/// /api/v1 for the catalogue. Reads are for everyone and show what visitors see (nothing archived); writes go
/// through the same application services as the admin pages, so permission and university scope are the same.
/// </summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder endpoints)
    {
        // Reads are the same for every visitor; the policy leaves writes and signed-in callers alone.
        var api = endpoints.MapGroup("/api/v1").AddEndpointFilter<CatalogueProblemFilter>().AddEndpointFilter<RequiredFieldsFilter>()
            .WithTags("Catalogue").CacheOutput(PublicPageCachePolicy.Name);

        api.MapGet("/universities", (CatalogueBrowser browser, CancellationToken ct) => browser.GetUniversitiesAsync(ct));
        api.MapGet("/universities/{id:guid}", async (Guid id, CatalogueBrowser browser, CancellationToken ct)
            => await browser.FindUniversityAsync(id, ct) is { } u ? Results.Ok(u) : NotFound());
        api.MapPost("/universities", async (UniversityRequest input, UniversityAppService service, CancellationToken ct) =>
        {
            var id = await service.CreateAsync(input.ToInput(), ct);
            return Results.Created($"/api/v1/universities/{id}", await service.GetAsync(id, ct));
        });
        api.MapPut("/universities/{id:guid}", async (Guid id, UniversityRequest input, UniversityAppService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, input.ToInput(), ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/universities/{id:guid}/archive", async (Guid id, ArchiveRequest body, UniversityAppService service, CancellationToken ct) =>
        {
            await service.ArchiveAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/universities/{id:guid}/restore", async (Guid id, ArchiveRequest body, UniversityAppService service, CancellationToken ct) =>
        {
            await service.RestoreAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });

        api.MapGet("/courses", ([FromQuery] Guid? universityId, [FromQuery] string? q, CatalogueBrowser browser, CancellationToken ct)
            => browser.GetCoursesAsync(universityId, q, ct));
        api.MapGet("/courses/{id:guid}", async (Guid id, CatalogueBrowser browser, CancellationToken ct)
            => await browser.FindCourseAsync(id, ct) is { } c ? Results.Ok(c) : NotFound());
        api.MapPost("/courses", async (CourseRequest input, CourseAppService service, CancellationToken ct) =>
        {
            var id = await service.CreateAsync(input.ToInput(), ct);
            return Results.Created($"/api/v1/courses/{id}", await service.GetAsync(id, ct));
        });
        api.MapPut("/courses/{id:guid}", async (Guid id, CourseRequest input, CourseAppService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, input.ToInput(), ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/courses/{id:guid}/archive", async (Guid id, ArchiveRequest body, CourseAppService service, CancellationToken ct) =>
        {
            await service.ArchiveAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/courses/{id:guid}/restore", async (Guid id, ArchiveRequest body, CourseAppService service, CancellationToken ct) =>
        {
            await service.RestoreAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });

        api.MapGet("/modules", (
            [FromQuery] Guid? universityId, [FromQuery] Guid? courseId, [FromQuery] string? q, [FromQuery] string? after, [FromQuery] int? pageSize,
            CatalogueBrowser browser, CancellationToken ct)
            => browser.GetModulesAsync(universityId, courseId, q, new PageRequest(After: after, PageSize: pageSize ?? 25), ct));
        api.MapGet("/modules/{id:guid}", async (Guid id, CatalogueBrowser browser, CancellationToken ct)
            => await browser.FindModuleAsync(id, ct) is { } m ? Results.Ok(m) : NotFound());
        api.MapPost("/modules", async (ModuleRequest input, ModuleAppService service, CancellationToken ct) =>
        {
            var id = await service.CreateAsync(input.ToInput(), ct);
            return Results.Created($"/api/v1/modules/{id}", await service.GetAsync(id, ct));
        });
        api.MapPut("/modules/{id:guid}", async (Guid id, ModuleRequest input, ModuleAppService service, CancellationToken ct) =>
        {
            await service.UpdateAsync(id, input.ToInput(), ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/modules/{id:guid}/archive", async (Guid id, ArchiveRequest body, ModuleAppService service, CancellationToken ct) =>
        {
            await service.ArchiveAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        api.MapPost("/modules/{id:guid}/restore", async (Guid id, ArchiveRequest body, ModuleAppService service, CancellationToken ct) =>
        {
            await service.RestoreAsync(id, body.ConcurrencyStamp, ct);
            return Results.Ok(await service.GetAsync(id, ct));
        });
        return endpoints;
    }

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound);
}
