using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses;

namespace RateMyModule.Web.Tests.Performance;

/// <summary>The demo catalogue as the site's own lookups answer it.</summary>
public static class DemoCatalogue
{
    public static async Task<UniversityDto> UniversityAsync(this DemoSiteFactory site, string shortName)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ICatalogueLookup>().FindUniversityBySlugAsync(shortName))!;
    }

    public static async Task<(IReadOnlyList<CourseDto> Courses, IReadOnlyList<ModuleDto> Modules)> CatalogueAsync(this DemoSiteFactory site, Guid universityId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<ICatalogueLookup>();
        var courses = await catalogue.GetCoursesOfUniversityAsync(universityId);
        return (courses, await catalogue.GetModulesOfCoursesAsync(courses.Select(c => c.Id).ToList()));
    }
}
