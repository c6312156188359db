using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Data;

/// <summary>
/// Every module context starts on its compiled model (<c>Data/CompiledModels/{Sqlite|Postgres}</c>), so EF does not
/// build the model at start-up; and each compiled model still describes what the code would build. A model change
/// without <c>scripts/compile-models.sh</c> (which <c>scripts/add-migration.sh</c> runs) fails here, for both
/// providers in every run: the models are compared in memory, no server is needed.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<DatabaseProviderKind> Providers => [DatabaseProviderKind.Sqlite, DatabaseProviderKind.Postgres];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_module_compiled_model_matches_the_model_its_code_builds(DatabaseProviderKind provider)
    {
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        var engine = DatabaseEngines.For(provider);
        var connectionString = provider == DatabaseProviderKind.Postgres ? "Host=localhost;Database=model_only" : "Data Source=model-only.db";
        var databases = host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases;
        var compared = 0;
        foreach (var database in databases)
        {
            var regenerate = $"run scripts/compile-models.sh {database.Name}";
            if (ModuleCompiledModels.Find(database.ContextType, provider) is not { } compiled)
            {
                // A module without compiled models runs on the model EF builds (checked for completeness below).
                continue;
            }

            // What the app runs on, against the model EF builds from the code (OnModelCreating) when the options name none.
            await using var onCompiled = database.CreateForMigration(engine, connectionString);
            onCompiled.Model.GetType().ShouldBe(compiled.GetType());
            await using var onBuilt = CreateOnBuiltModel(database, engine, connectionString);
            onBuilt.Model.GetType().ShouldNotBe(compiled.GetType());
            Describe(onCompiled.Model).ShouldBe(Describe(onBuilt.Model), $"{database.Name}'s {provider} compiled model is behind its code: {regenerate}");
            compared++;
        }

        compared.ShouldBeGreaterThanOrEqualTo(5);
    }

    /// <summary>A new module runs without them (on the model EF builds), but starts slower; this names the command.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Every_module_has_a_compiled_model(DatabaseProviderKind provider)
    {
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        var databases = host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases;
        databases.Count.ShouldBeGreaterThanOrEqualTo(5);
        databases.Where(d => ModuleCompiledModels.Find(d.ContextType, provider) is null)
            .Select(d => $"{d.Name} has no {provider} compiled model ({ModuleCompiledModels.TypeName(d.ContextType, provider)}): run scripts/compile-models.sh {d.Name}")
            .ShouldBeEmpty();
    }

    /// <summary>On the provider of the run (<c>RMM_TEST_DB</c>): the host runs on that one.</summary>
    [Fact]
    public async Task The_contexts_a_request_gets_run_on_the_compiled_model()
    {
        var provider = TestDatabase.SelectedProvider;
        await using var host = await ModuleTestHost.StartAsync<RateMyModuleWebModule>();
        await using var scope = host.Services.CreateAsyncScope();
        var databases = host.Services.GetRequiredService<ModuleDatabaseRegistry>().Databases
            .Where(d => ModuleCompiledModels.Find(d.ContextType, provider) is not null)
            .ToList();
        databases.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var database in databases)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            context.Model.GetType().FullName.ShouldBe(ModuleCompiledModels.TypeName(database.ContextType, provider), database.Name);
        }
    }

    private static DbContext CreateOnBuiltModel(ModuleDatabase database, IDatabaseEngine engine, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(database.ContextType))!;
        engine.Configure(builder, connectionString, database.MigrationsHistoryTable);
        return (DbContext)Activator.CreateInstance(database.ContextType, builder.Options)!;
    }

    /// <summary>
    /// The schema (tables, columns, keys, indexes, foreign keys) and what a query or a save depends on beyond it
    /// (converters, value generators, concurrency tokens, query filters), one sorted line each.
    /// </summary>
    private static List<string> Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var table in model.GetRelationalModel().Tables)
        {
            var name = $"{table.SchemaQualifiedName}";
            lines.AddRange(table.Columns.Select(c => $"{name}.{c.Name}: {c.StoreType} null={c.IsNullable}"));
            lines.Add($"{name} key {table.PrimaryKey?.Name}({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            lines.AddRange(table.UniqueConstraints.Select(u => $"{name} unique {u.Name}({string.Join(",", u.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.Indexes.Select(i => $"{name} index {i.Name}({string.Join(",", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}"));
            lines.AddRange(table.ForeignKeyConstraints.Select(f =>
                $"{name} fk {f.Name}({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} {f.OnDeleteAction}"));
        }

        lines.AddRange(model.GetEntityTypes().SelectMany(t => t.GetProperties().Select(p =>
            $"{t.Name}.{p.Name}: {p.ClrType} converter={p.GetTypeMapping().Converter?.GetType().Name} generated={p.ValueGenerated} "
            + $"factory={p.GetValueGeneratorFactory() is not null} concurrency={p.IsConcurrencyToken} "
            + $"filters={t.GetDeclaredQueryFilters().Count} owned={t.IsOwned()}")));
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
