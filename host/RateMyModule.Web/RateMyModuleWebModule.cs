using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Web;
using RateMyModule.Courses.Web;
using RateMyModule.Framework;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Distributed;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Uow;
using RateMyModule.Notifications.Web;
using RateMyModule.Reviews.Web;
using RateMyModule.Web.Api;
using RateMyModule.Web.Administration;
using RateMyModule.Web.Configuration;
using RateMyModule.Web.Health;
using RateMyModule.Web.Home;
using RateMyModule.Web.Localization;
using RateMyModule.Web.Menus;
using RateMyModule.Web.Security;
using RateMyModule.Web.Theming;

namespace RateMyModule.Web;

/// <summary>The host: composes the feature modules and owns the HTTP pipeline.</summary>
// Listed in the order their seed data builds on each other: the catalogue, then accounts on its courses, then reviews.
[DependsOn(typeof(FrameworkModule), typeof(CoursesWebModule), typeof(AccountsWebModule), typeof(ReviewsWebModule), typeof(NotificationsWebModule))]
public sealed class RateMyModuleWebModule : AppModule
{
    public override async Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        // First, so that a bad environment stops the web host and the DbMigrator before anything else runs.
        var settings = DeploymentSettingsReader.Read(context.Configuration, context.Environment);
        // A database server that cannot be reached is an operator's problem too: one line naming host and port.
        if (await DatabaseConfiguration.CheckReachableAsync(settings.Database, TimeSpan.FromSeconds(10)) is { } unreachable)
        {
            throw new InvalidConfigurationException(unreachable);
        }

        context.Services.AddDeploymentSettings(settings);

        var services = context.Services;
        var configuration = context.Configuration;
        services.AddRazorPages();
        services.AddJsonLocalizationResource<WebResource>(typeof(WebResource).Assembly);
        services.AddMenuContributor<HostMenuContributor>();
        services.AddScoped<HomePageQuery>();
        services.AddScoped<AdminDisplayNames>();

        services.AddOptions<SecurityHeadersOptions>().Bind(configuration.GetSection(SecurityHeadersOptions.Section));
        services.AddOptions<HttpsOptions>().Bind(configuration.GetSection(HttpsOptions.Section));
        services.AddOptions<ProxyTrustOptions>().Bind(configuration.GetSection(ProxyTrustOptions.Section));
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>();
        services.AddOptions<HttpsRedirectionOptions>()
            .Configure<IOptions<HttpsOptions>>((redirect, https) => redirect.HttpsPort = https.Value.Port);
        services.AddOptions<HstsOptions>()
            .Configure<IOptions<HttpsOptions>>((hsts, https) => hsts.MaxAge = TimeSpan.FromDays(https.Value.HstsMaxAgeDays));

        // Outermost of all, ahead of the host filter ASP.NET Core puts first: its 400 for a wrong host carries the
        // security headers too. Kestrel does not name itself (no "Server: Kestrel" for an attacker to look up).
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, SecurityHeadersStartupFilter>());
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        // HSTS is on in production unless the operator says otherwise (Https__Hsts=false).
        services.AddOptions<HttpsOptions>().Configure<IOptions<DeploymentSettings>>((https, deployment) =>
        {
            if (deployment.Value.Production && configuration["Https:Hsts"] is null)
            {
                https.Hsts = true;
            }
        });

        services.AddRequestBodyLimits();
        services.AddHostHealthChecks();
        services.AddOpenApi(ApiReference.DocumentName);
    }

    public override async Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        var app = (WebApplication)context.Application!;
        // The schema check (EF's first start-up work, most of it CPU) runs on another thread while the pipeline and
        // the endpoints are composed below, which need no database; it is awaited at the end, so nothing is served
        // before it has passed.
        var database = Task.Run(() => PrepareDatabaseAsync(app));
        await ConnectSharedCacheAsync(app);
        var https = app.Services.GetRequiredService<IOptions<HttpsOptions>>().Value;

        // First, so that everything after it sees the client's real address and scheme.
        app.UseForwardedHeaders();

        // Again after the proxy's headers are applied: ALLOWED_HOSTS holds for an X-Forwarded-Host as for a Host.
        app.UseHostFiltering();
        if (https.Hsts)
        {
            app.UseHsts();
        }

        if (https.Redirect)
        {
            app.UseHttpsRedirection();
        }

        // Static files, then routing, ahead of everything that needs a culture, a user or the database: a file is
        // served here, and the health endpoints short-circuit at routing.
        app.UseStaticFiles();
        app.UseColourSchemeHints();
        app.UseRouting();

        // Localization: the request culture (query, cookie, Accept-Language) for everything below. Before the error
        // handlers: their re-executed request has lost the original query string, but keeps the culture set here.
        app.UseFrameworkRequestLocalization();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        // With several replicas, what the others committed, before anything cached is used (one Redis round trip).
        app.UseSharedDataGenerations();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        // After authentication, so that it knows a visitor from a signed-in user; before the unit of work, so that a
        // page served from the cache opens nothing.
        app.UseOutputCache();
        // Ahead of everything that reads a body (the unit of work, antiforgery, model binding): a bad one is a 400/413 here.
        app.UseMiddleware<RequestBodyGuardMiddleware>();
        app.UseUnitOfWork();

        app.MapHostHealthChecks();
        app.MapOpenApi(ApiReference.DocumentPattern);
        app.MapCultureSwitch();
        app.MapColourSchemeSwitch();
        app.MapRazorPages();
        await database;
    }

    /// <summary>An unreachable Redis stops the start with one line naming it, as a wrong setting would.</summary>
    private static async Task ConnectSharedCacheAsync(WebApplication app)
    {
        if (app.Services.GetService<RedisConnection>() is not { } redis)
        {
            return;
        }

        try
        {
            await redis.ConnectAsync();
        }
        catch (StackExchange.Redis.RedisConnectionException)
        {
            throw new InvalidConfigurationException($"REDIS_URL: cannot reach Redis at {redis.Endpoint} (or it refused the password).");
        }
    }

    /// <summary>
    /// Development migrates and seeds demo data so one command gives a live site; elsewhere the DbMigrator owns the
    /// schema, and the host refuses to run against a database that is behind the code.
    /// </summary>
    private static async Task PrepareDatabaseAsync(WebApplication app)
    {
        var migrator = app.Services.GetRequiredService<DatabaseMigrator>();
        var isDevelopment = app.Environment.IsDevelopment();
        if (app.Configuration.GetValue("Database:AutoMigrate", isDevelopment))
        {
            await migrator.MigrateAsync();
            var demo = app.Configuration.GetValue("Database:SeedDemoData", isDevelopment);
            await app.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: demo));
            return;
        }

        var behind = await migrator.GetModulesWithPendingMigrationsAsync();
        if (behind.Count > 0)
        {
            // A configuration error (one line, exit 1), not a crash: the operator's next step is a command, not a fix.
            throw new InvalidConfigurationException(
                $"The database has pending migrations for {string.Join(", ", behind)}. Run the DbMigrator before starting the web host.");
        }
    }
}
