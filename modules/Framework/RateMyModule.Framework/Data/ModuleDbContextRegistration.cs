using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

public sealed record ModuleDatabase(string Name, Type ContextType, string MigrationsHistoryTable)
{
    /// <summary>A context on its own connection, outside any unit of work, for migrating the schema.</summary>
    public DbContext CreateForMigration(string connectionString)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(ContextType))!;
        builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable));
        return (DbContext)Activator.CreateInstance(ContextType, builder.Options)!;
    }
}

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the scope's shared connection and unit of work, with auditing, and its own
    /// migrations history table (<c>__EFMigrationsHistory_{name}</c>) so modules migrate independently.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string name)
        where TContext : DbContext
    {
        var history = HistoryTable(name);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(ModuleDatabaseRegistry))?.ImplementationInstance as ModuleDatabaseRegistry;
        if (registry is null)
        {
            registry = new ModuleDatabaseRegistry();
            services.AddSingleton(registry);
        }

        registry.Add(new ModuleDatabase(name, typeof(TContext), history));

        services.AddScoped(sp =>
        {
            var builder = new DbContextOptionsBuilder<TContext>();
            builder.UseSqlite(sp.GetRequiredService<UnitOfWork>().Connection, sqlite => sqlite.MigrationsHistoryTable(history));
            builder.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
            return builder.Options;
        });
        services.AddScoped(sp =>
        {
            var context = ActivatorUtilities.CreateInstance<TContext>(sp);
            sp.GetRequiredService<UnitOfWork>().Enlist(context);
            return context;
        });
        return services;
    }

    public static string HistoryTable(string name) => $"__EFMigrationsHistory_{name}";

    /// <summary>Options for design-time tools (dotnet ef): the module's history table on a throwaway database.</summary>
    public static DbContextOptions<TContext> DesignTimeOptions<TContext>(string name)
        where TContext : DbContext
        => new DbContextOptionsBuilder<TContext>()
            .UseSqlite(new SqliteConnection("Data Source=design-time.db"), sqlite => sqlite.MigrationsHistoryTable(HistoryTable(name)))
            .Options;
}
