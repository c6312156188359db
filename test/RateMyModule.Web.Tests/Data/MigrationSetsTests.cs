using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Data;

/// <summary>
/// Every module has a migrations set per provider. Each set describes the current model (no pending model changes,
/// checked for both providers in every run: it needs no server), and the DbMigrator brings an empty database of the
/// run's provider (<c>RMM_TEST_DB</c>) to it with nothing left to apply.
/// </summary>
public sealed class MigrationSetsTests
{
    public static TheoryData<DatabaseProviderKind> Providers => [DatabaseProviderKind.Sqlite, DatabaseProviderKind.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_module_set_matches_the_current_model(DatabaseProviderKind provider)
    {
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        var engine = DatabaseEngines.For(provider);
        // No connection is opened: the model and the set's snapshot are compared in memory.
        var connectionString = provider == DatabaseProviderKind.Postgres ? "Host=localhost;Database=model_only" : "Data Source=model-only.db";
        var databases = host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases;
        databases.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var database in databases)
        {
            await using var context = database.CreateForMigration(engine, connectionString);
            context.Database.GetMigrations().ShouldNotBeEmpty($"{database.Name} has no {provider} migrations");
            context.Database.HasPendingModelChanges().ShouldBeFalse(
                $"{database.Name}'s {provider} migrations are behind its model: run scripts/add-migration.sh {database.Name} <Name>");
        }
    }

    [Fact]
    public async Task The_two_sets_are_kept_apart()
    {
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        foreach (var database in host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases)
        {
            await using var sqlite = database.CreateForMigration(DatabaseEngines.Sqlite, "Data Source=model-only.db");
            await using var postgres = database.CreateForMigration(DatabaseEngines.Postgres, "Host=localhost;Database=model_only");
            var sqliteIds = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.ToList();
            var postgresIds = postgres.GetService<IMigrationsAssembly>().Migrations.Values.ToList();
            sqliteIds.ShouldAllBe(t => !ProviderMigrationsAssembly.IsPostgresSet(t));
            postgresIds.ShouldAllBe(t => ProviderMigrationsAssembly.IsPostgresSet(t));
            sqlite.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType().ShouldNotBe(postgres.GetService<IMigrationsAssembly>().ModelSnapshot!.GetType());
        }
    }

    [Fact]
    public async Task The_migrator_brings_an_empty_database_to_the_current_model()
    {
        // StartAsync migrates the fixture's fresh database with the DbMigrator's own DatabaseMigrator.
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();
        (await migrator.GetModulesWithPendingMigrationsAsync()).ShouldBeEmpty();
        (await migrator.MigrateAsync()).ShouldAllBe(m => m.Applied.Count == 0);

        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        options.Provider.ShouldBe(TestDatabase.SelectedProvider);
        var engine = host.Services.GetRequiredService<IDatabaseEngine>();
        foreach (var database in host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases)
        {
            await using var context = database.CreateForMigration(engine, options.ConnectionString);
            (await context.Database.GetAppliedMigrationsAsync()).ShouldBe(context.Database.GetMigrations());
            context.Database.HasPendingModelChanges().ShouldBeFalse();
        }
    }
}
