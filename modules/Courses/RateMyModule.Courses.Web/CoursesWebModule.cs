using Microsoft.AspNetCore.Builder;
using RateMyModule.Courses.Web.Api;
using RateMyModule.Courses.Web.Menus;
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
        return Task.CompletedTask;
    }

    public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        ((WebApplication)context.Application!).MapCatalogueApi();
        return Task.CompletedTask;
    }
}
