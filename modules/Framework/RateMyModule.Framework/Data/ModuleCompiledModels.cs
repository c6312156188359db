using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using RateMyModule.Framework.Data.Providers;

namespace RateMyModule.Framework.Data;

/// <summary>
/// The EF Core compiled model of a module's context for a provider, when the module ships one: EF then skips
/// building the model (conventions, validation) the first time the context is used, which was most of the start-up
/// time of the first request. <c>scripts/compile-models.sh</c> (run by <c>scripts/add-migration.sh</c>) writes them
/// into the context's project as <c>Data/CompiledModels/{Sqlite|Postgres}</c>; a module without them (a new one, or
/// a test's) runs on the model EF builds, as before.
/// </summary>
/// <remarks>
/// Found by name rather than by EF's own <c>[DbContextModel]</c> attribute: that attribute names one model per
/// context, and SQLite and PostgreSQL need a model each (their type mappings differ).
/// </remarks>
public static class ModuleCompiledModels
{
    private static readonly ConcurrentDictionary<(Type, DatabaseProviderKind), IModel?> Models = new();

    /// <summary><c>{context's assembly}.Data.CompiledModels.{Sqlite|Postgres}.{Context}Model</c>, or null.</summary>
    public static IModel? Find(Type contextType, DatabaseProviderKind provider)
        => Models.GetOrAdd((contextType, provider), static key => Load(key.Item1, key.Item2));

    public static string TypeName(Type contextType, DatabaseProviderKind provider)
        => $"{contextType.Assembly.GetName().Name}.Data.CompiledModels.{provider}.{contextType.Name}Model";

    private static IModel? Load(Type contextType, DatabaseProviderKind provider)
    {
        var modelType = contextType.Assembly.GetType(TypeName(contextType, provider));
        return modelType?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;
    }
}
