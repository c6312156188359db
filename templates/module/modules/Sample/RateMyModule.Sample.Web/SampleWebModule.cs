using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Sample.Web.Menus;

namespace RateMyModule.Sample.Web;

/// <summary>The Sample module's pages (/Sample and /Admin/Sample) and menu entries.</summary>
[DependsOn(typeof(SampleModule))]
public sealed class SampleWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleApplicationPart(typeof(SampleWebModule).Assembly);
        services.AddMenuContributor<SampleMenuContributor>();
        return Task.CompletedTask;
    }
}
