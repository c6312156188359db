using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Notifications.Web.Menus;

namespace RateMyModule.Notifications.Web;

/// <summary>The Notifications module's pages (/Notifications and /Admin/Notifications) and menu entries.</summary>
[DependsOn(typeof(NotificationsModule))]
public sealed class NotificationsWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleApplicationPart(typeof(NotificationsWebModule).Assembly);
        services.AddMenuContributor<NotificationsMenuContributor>();
        return Task.CompletedTask;
    }
}
