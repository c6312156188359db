using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.Framework.Distributed;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Uow;
using RateMyModule.Framework.Users;

namespace RateMyModule.Framework;

/// <summary>The kernel every feature module depends on: data, auditing, unit of work, events, seeding.</summary>
public sealed class FrameworkModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ICurrentUser, CurrentUser>();

        // Validated by the host before anything starts (one "configuration error:" line a problem); read here again
        // so that the kernel needs nothing from the host. Late, when options are first asked for, so a test host's
        // configuration is in.
        services.AddOptions<DatabaseOptions>().Configure(o =>
        {
            var database = DatabaseConfiguration.Read(context.Configuration, context.Environment.ContentRootPath, []);
            o.Provider = database.Provider;
            o.ConnectionString = database.ConnectionString;
        });
        services.AddSingleton(sp => DatabaseEngines.For(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider));
        // Who gave a role which permission, and when, belongs in the audit log like any catalogue change.
        services.AddOptions<AuditingOptions>().Configure(o => o.AuditedEntityTypes.Add(typeof(PermissionGrant)));
        services.AddScoped<UnitOfWork>();
        // Outermost, so that a page's other filters have run when its writes commit.
        services.AddScoped<UnitOfWorkPageFilter>();
        services.Configure<MvcOptions>(o => o.Filters.AddService<UnitOfWorkPageFilter>(int.MinValue));
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<DatabaseWriteQueue>();
        services.AddSingleton<DataChangeInterceptor>();
        AddSharedCache(services, context.Configuration);
        services.AddSingleton<DataGenerations>();
        services.AddOptions<CachingOptions>().Bind(context.Configuration.GetSection(CachingOptions.Section));
        services.AddSingleton<DataCache>();
        services.AddSingleton<FragmentVersions>();
        services.AddOutputCache();
        services.AddSingleton<PublicPageCachePolicy>();
        services.AddOptions<OutputCacheOptions>()
            .Configure<PublicPageCachePolicy>((o, policy) => o.AddPolicy(PublicPageCachePolicy.Name, policy));
        services.AddHostedService<PublicPageCacheEviction>();
        // Registered before MVC's own, which is only added when none is.
        services.AddSingleton<CookieTempDataProvider>();
        services.AddSingleton<ITempDataProvider, QuietCookieTempDataProvider>();
        services.AddScoped<EntityChangeLogStore>();
        services.AddModuleDbContext<FrameworkDbContext>(FrameworkDbContext.Name);
        services.AddSingleton<DatabaseMigrator>();

        services.AddScoped<ILocalEventBus, LocalEventBus>();
        services.AddSingleton<DataSeeder>();
        services.AddFrameworkPermissions();
        services.AddFrameworkBackgroundJobs(context.Configuration);
        services.AddFrameworkLocalization();

        // Keys in the database: cookies and antiforgery tokens survive restarts and work across replicas.
        services.AddDataProtection().SetApplicationName("RateMyModule").PersistKeysToDbContext<FrameworkDbContext>();
        return Task.CompletedTask;
    }

    /// <summary>
    /// With <c>REDIS_URL</c> (several replicas), what each process caches stays in its memory but is invalidated by
    /// data generations kept in Redis, and rate limits are counted there (docs/deployment.md, "Several replicas").
    /// A malformed URL registers nothing here: the host's configuration check reports it before anything runs.
    /// </summary>
    private static void AddSharedCache(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SharedRateLimitPartitions>();
        var url = configuration[RedisUrl.Variable];
        if (string.IsNullOrWhiteSpace(url) || !RedisUrl.TryParse(url, out var redis, out _))
        {
            return;
        }

        services.AddSingleton(new RedisConnection(redis));
        services.AddSingleton<ISharedDataGenerationStore, RedisDataGenerationStore>();
    }
}
