using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;
using RateMyModule.Notifications.Permissions;
using RateMyModule.Notifications.Seeding;

namespace RateMyModule.Notifications;

/// <summary>The Notifications module: its items, their rules and the service that guards them.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class NotificationsModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<NotificationsDbContext>(NotificationsDbContext.Name);
        services.AddJsonLocalizationResource<NotificationsResource>(typeof(NotificationsResource).Assembly);
        services.AddPermissionDefinitions<NotificationsPermissionDefinitionProvider>();
        services.AddScoped<IDataSeedContributor, NotificationsDataSeedContributor>();
        services.Configure<AuditingOptions>(o => o.AuditedEntityTypes.Add(typeof(NotificationsItem)));

        services.AddScoped<NotificationsItemAppService>();
        return Task.CompletedTask;
    }
}
