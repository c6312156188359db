using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Modularity;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

/// <summary>A module with its own DbContext and jobs, so tests see job effects in a table of another module.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class TestJobsModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        // The test table is created by hand, so the migrator meets a model without migrations and must not object.
        context.Services.AddModuleDbContext<TestJobsDbContext>(
            "TestJobs", options => options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        context.Services.AddSingleton<JobJournal>();
        context.Services.AddBackgroundJob<RecordEffectJob, RecordEffectArgs>();
        context.Services.AddBackgroundJob<UnnamedJob, UnnamedJobArgs>();
        context.Services.AddBackgroundJob<SecretJob, SecretArgs>();
        return Task.CompletedTask;
    }

    /// <summary>A module test host with the effects table in place (created once per database; it has no migrations).</summary>
    public static async Task<ModuleTestHost> StartHostAsync(
        IDictionary<string, string?>? configuration = null,
        TestDatabase? database = null,
        Action<IServiceCollection>? configureServices = null,
        bool startHostedServices = false)
    {
        var host = await ModuleTestHost.StartAsync<TestJobsModule>(configureServices, configuration, database, startHostedServices);
        await host.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestJobsDbContext>().Database;
            await db.ExecuteSqlRawAsync(db.IsNpgsql()
                ? """CREATE TABLE IF NOT EXISTS "TjJobEffects" ("Id" uuid NOT NULL PRIMARY KEY, "Label" text NOT NULL)"""
                : """CREATE TABLE IF NOT EXISTS "TjJobEffects" ("Id" TEXT NOT NULL PRIMARY KEY, "Label" TEXT NOT NULL)""");
        });
        return host;
    }
}

public sealed class TestJobsDbContext(DbContextOptions<TestJobsDbContext> options) : ModuleDbContext(options)
{
    public DbSet<JobEffect> Effects => Set<JobEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<JobEffect>().ToTable("TjJobEffects");
        base.OnModelCreating(modelBuilder);
    }
}

/// <summary>A row a job wrote: present only if the job's unit of work committed.</summary>
public sealed class JobEffect
{
    public Guid Id { get; set; }

    public string Label { get; set; } = "";
}
