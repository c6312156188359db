using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Data.Providers;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.Data;

/// <summary>The module DbContexts in registration (dependency) order: what the DbMigrator and health checks walk.</summary>
public sealed class ModuleDatabaseRegistry
{
    private readonly List<ModuleDatabase> _databases = [];

    public IReadOnlyList<ModuleDatabase> Databases => _databases;

    internal void Add(ModuleDatabase database) => _databases.Add(database);
}

public sealed record ModuleDatabase(string Name, Type ContextType, string MigrationsHistoryTable, Action<DbContextOptionsBuilder>? Configure = null)
{
    /// <summary>A context on its own connection, outside any unit of work, for migrating the schema.</summary>
    public DbContext CreateForMigration(IDatabaseEngine provider, string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContextType))!;
        provider.Configure(builder, connectionString, MigrationsHistoryTable);
        Configure?.Invoke(builder);
        ModuleDbContextRegistration.UseCompiledModel(builder, ContextType, provider.Kind);
        return (DbContext)Activator.CreateInstance(ContextType, builder.Options)!;
    }
}

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the scope's shared connection and unit of work, with auditing, and its own
    /// migrations history table (<c>__EFMigrationsHistory_{name}</c>) so modules migrate independently.
    /// </summary>
    /// <remarks>
    /// The options are built once per context type and shared by every scope: EF then finds its internal services
    /// for them at once, where options built per scope made it look them up (and allocate) on every request. The
    /// scope's connection is handed to each new context instead. Contexts come from a pool: a new context resolves
    /// some forty EF services of its own when first used, a pooled one keeps them, and disposing the scope resets
    /// it and hands it back.
    /// </remarks>
    /// <param name="configure">
    /// More options for the module's contexts, request and migration ones alike (pooled contexts may not change their
    /// options in <c>OnConfiguring</c>).
    /// </param>
    public static IServiceCollection AddModuleDbContext<TContext>(
        this IServiceCollection services, string name, Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var history = HistoryTable(name);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(ModuleDatabaseRegistry))?.ImplementationInstance as ModuleDatabaseRegistry;
        if (registry is null)
        {
            registry = new ModuleDatabaseRegistry();
            services.AddSingleton(registry);
        }

        registry.Add(new ModuleDatabase(name, typeof(TContext), history, configure));

        services.AddSingleton(sp =>
        {
            var engine = sp.GetRequiredService<IDatabaseEngine>();
            var builder = Configure(new DbContextOptionsBuilder<TContext>(), engine, null, history, configure);
            UseCompiledModel(builder, typeof(TContext), engine.Kind);
            return builder
                .AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<DataChangeInterceptor>())
                // The host's logging, so that the SQL a request sends can be watched (category Microsoft.EntityFrameworkCore.Database.Command).
                .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
                // A context never leaves its scope's one flow; the per-call check only costs time.
                .EnableThreadSafetyChecks(false)
                .Options;
        });
        services.AddSingleton(sp => new PooledDbContextFactory<TContext>(sp.GetRequiredService<DbContextOptions<TContext>>()));
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<PooledDbContextFactory<TContext>>().CreateDbContext();
            var unitOfWork = sp.GetRequiredService<UnitOfWork>();
            context.Database.SetDbConnection(unitOfWork.Connection);
            ModuleDbContextScope.Attach(context, sp);
            unitOfWork.Enlist(context);
            return context;
        });
        return services;
    }

    public static string HistoryTable(string name) => $"__EFMigrationsHistory_{name}";

    /// <summary>
    /// Options for design-time tools (dotnet ef): the module's history table and migrations set on a throwaway
    /// database of the provider <c>DATABASE_PROVIDER</c> names (SQLite unless it says postgres; see
    /// <c>scripts/add-migration.sh</c>), or of <paramref name="provider"/> when given.
    /// </summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string name, DatabaseProviderKind? provider = null)
        where TContext : DbContext
    {
        var kind = provider ?? DatabaseConfiguration.Read(
            new ConfigurationBuilder().AddEnvironmentVariables().Build(), Directory.GetCurrentDirectory(), []).Provider;
        var database = DatabaseEngines.For(kind);
        var connection = kind == DatabaseProviderKind.Postgres ? "Host=localhost;Database=design_time" : "Data Source=design-time.db";
        return (DbContextOptions<TContext>)Configure(new DbContextOptionsBuilder<TContext>(), database, connection, HistoryTable(name)).Options;
    }

    /// <summary>The module's compiled model for the provider, when it has one (<see cref="ModuleCompiledModels"/>).</summary>
    internal static void UseCompiledModel(DbContextOptionsBuilder builder, Type contextType, DatabaseProviderKind provider)
    {
        if (ModuleCompiledModels.Find(contextType, provider) is { } model)
        {
            builder.UseModel(model);
        }
    }

    private static DbContextOptionsBuilder<TContext> Configure<TContext>(
        DbContextOptionsBuilder<TContext> builder, IDatabaseEngine provider, string? connectionString, string history,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        provider.Configure(builder, connectionString, history);
        configure?.Invoke(builder);
        return builder;
    }
}

/// <summary>
/// The scope a module DbContext was created in, for the singleton interceptors that need that scope's services
/// (its Framework context, its unit of work) while the context saves.
/// </summary>
public static class ModuleDbContextScope
{
    private static readonly ConditionalWeakTable<DbContext, IServiceProvider> Scopes = new();

    internal static void Attach(DbContext context, IServiceProvider services) => Scopes.AddOrUpdate(context, services);

    public static IServiceProvider? Find(DbContext context) => Scopes.TryGetValue(context, out var services) ? services : null;
}
