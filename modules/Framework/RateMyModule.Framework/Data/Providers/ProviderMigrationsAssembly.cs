using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace RateMyModule.Framework.Data.Providers;

/// <summary>
/// One module context, one migrations set per provider, in the module's own core project: the SQLite set in
/// <c>Migrations/</c>, the PostgreSQL set in <c>Migrations/Postgres/</c> (namespace <c>….Migrations.Postgres</c>).
/// EF sees only the set (migrations and model snapshot) of the provider the context is configured with, so
/// <c>dotnet ef</c> and the DbMigrator work on each set as if it were the only one.
/// </summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF's own implementation; only the type lookup is narrowed.
public sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    /// <summary>The last namespace segment of a PostgreSQL migrations set.</summary>
    public const string PostgresNamespaceSuffix = ".Migrations.Postgres";

    private readonly Type _contextType = currentContext.Context.GetType();
    private readonly bool _postgres = currentContext.Context.Database.IsNpgsql();
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= FindMigrations();

    public override ModelSnapshot? ModelSnapshot => _snapshot ??= FindSnapshot();

    public static bool IsPostgresSet(Type type) => type.Namespace?.EndsWith(PostgresNamespaceSuffix, StringComparison.Ordinal) == true;

    private bool InSet(Type type) => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType && IsPostgresSet(type) == _postgres;

    private SortedList<string, TypeInfo> FindMigrations()
    {
        var result = new SortedList<string, TypeInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(Migration)) && InSet(t)))
        {
            if (type.GetCustomAttribute<MigrationAttribute>()?.Id is { } id)
            {
                result.Add(id, type);
            }
        }

        return result;
    }

    private ModelSnapshot? FindSnapshot()
    {
        var type = Assembly.DefinedTypes.FirstOrDefault(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot)) && InSet(t));
        return type is null ? null : (ModelSnapshot)Activator.CreateInstance(type)!;
    }
}
#pragma warning restore EF1001
