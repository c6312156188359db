using RateMyModule.Courses.Web.Menus;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;

namespace RateMyModule.Courses.Web;

/// <summary>The catalogue's admin pages (/Admin/Catalogue) and menu entry.</summary>
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
}
