using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Notifications.Web.Api;
using RateMyModule.Notifications.Web.Components;
using RateMyModule.Notifications.Web.Menus;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.Web;

/// <summary>
/// The follow button on a module's page, /Notifications (the in-site list), /Account/Manage/Notifications,
/// /Notifications/Unsubscribe, the header entry with the unread count, and PUT/DELETE /api/v1/modules/{id}/follow.
/// </summary>
[DependsOn(typeof(NotificationsModule))]
public sealed class NotificationsWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleApplicationPart(typeof(NotificationsWebModule).Assembly);
        services.AddMenuContributor<NotificationsMenuContributor>();
        services.Configure<ModulePageOptions>(o => o.HeaderViewComponents.Add(FollowModuleViewComponent.Name));
        return Task.CompletedTask;
    }

    public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        ((WebApplication)context.Application!).MapFollowApi();
        return Task.CompletedTask;
    }
}
