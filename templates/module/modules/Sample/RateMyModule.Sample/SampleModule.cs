using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Sample.Application;
using RateMyModule.Sample.Data;
using RateMyModule.Sample.Domain;
using RateMyModule.Sample.Permissions;
using RateMyModule.Sample.Seeding;

namespace RateMyModule.Sample;

/// <summary>The Sample module: its items, their rules and the service that guards them.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class SampleModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<SampleDbContext>(SampleDbContext.Name);
        services.AddJsonLocalizationResource<SampleResource>(typeof(SampleResource).Assembly);
        services.AddPermissionDefinitions<SamplePermissionDefinitionProvider>();
        services.AddScoped<IDataSeedContributor, SampleDataSeedContributor>();
        services.Configure<AuditingOptions>(o => o.AuditedEntityTypes.Add(typeof(SampleItem)));

        services.AddScoped<SampleItemAppService>();
        return Task.CompletedTask;
    }
}
