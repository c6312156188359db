using RateMyModule.Framework;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Uow;
using RateMyModule.Web.Configuration;

namespace RateMyModule.Web;

/// <summary>The host: composes the feature modules and owns the HTTP pipeline.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class RateMyModuleWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        // First, so that a bad environment stops the web host and the DbMigrator before anything else runs.
        context.Services.AddDeploymentSettings(DeploymentSettingsReader.Read(context.Configuration, context.Environment));
        context.Services.AddRazorPages();
        return Task.CompletedTask;
    }

    public override async Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        var app = (WebApplication)context.Application!;
        await PrepareDatabaseAsync(app);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthorization();
        app.UseUnitOfWork();
        app.MapRazorPages();
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
            throw new InvalidOperationException(
                $"The database has pending migrations for {string.Join(", ", behind)}. Run the DbMigrator before starting the web host.");
        }
    }
}
