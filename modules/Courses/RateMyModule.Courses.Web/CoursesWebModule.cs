using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Web.Api;
using RateMyModule.Courses.Web.Menus;
using RateMyModule.Courses.Web.Pages.Universities;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;

namespace RateMyModule.Courses.Web;

/// <summary>The catalogue's admin pages (/Admin/Catalogue), public pages, menu entries and /api/v1 endpoints.</summary>
[DependsOn(typeof(CoursesModule))]
public sealed class CoursesWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleApplicationPart(typeof(CoursesWebModule).Assembly);
        services.AddMenuContributor<CoursesMenuContributor>();
        services.AddOptions<OutputCacheOptions>()
            .Configure<PublicPageCachePolicy>((o, policy) => o.AddPolicy(UniversityChoiceCachePolicy.Name, new UniversityChoiceCachePolicy(policy)));
        return Task.CompletedTask;
    }

    public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        ((WebApplication)context.Application!).MapCatalogueApi();
        return Task.CompletedTask;
    }
}
