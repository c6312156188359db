using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RateMyModule.Framework.Distributed;

namespace RateMyModule.Framework.Data;

/// <summary>
/// A counter per module DbContext that moves on whenever a change to that module's tables commits. Caches keep the
/// counters they read before reading the database, and an entry is good only while they have not moved: so a read
/// that raced a write can never be served after the write was acknowledged, whatever order the two finished in.
/// With a <see cref="ISharedDataGenerationStore"/> (several replicas, <c>REDIS_URL</c>) the counters live there: a
/// commit moves them in the store before it is acknowledged, <see cref="RefreshAsync"/> brings this process up to
/// them at the start of each request, and the local values are only ever values read from the store.
/// </summary>
public sealed class DataGenerations(ISharedDataGenerationStore? shared = null, ILogger<DataGenerations>? logger = null)
{
    private readonly ConcurrentDictionary<Type, long> _generations = new();
    private readonly ConcurrentDictionary<Type, int> _changing = new();

    // Commits whose announcement to the shared store failed: sent with the next refresh, so none is forgotten.
    private readonly ConcurrentDictionary<Type, byte> _unannounced = new();
    private readonly ILogger _logger = logger ?? NullLogger<DataGenerations>.Instance;

    /// <summary>Raised after changes to the given contexts' tables committed (here or, when shared, anywhere).</summary>
    public event Action<IReadOnlyCollection<Type>>? Committed;

    /// <summary>Whether the counters are shared with other processes.</summary>
    public bool IsShared => shared is not null;

    public long Of(Type contextType) => _generations.GetValueOrDefault(contextType);

    /// <summary>One number that moves whenever any of <paramref name="contextTypes"/> moves (each only grows).</summary>
    public long Of(IReadOnlyList<Type> contextTypes)
    {
        long sum = 0;
        foreach (var type in contextTypes)
        {
            sum += Of(type);
        }

        return sum;
    }

    /// <summary>For a change that committed on its own, outside an asynchronous path.</summary>
    public void Advance(IReadOnlyCollection<Type> contextTypes)
    {
        if (contextTypes.Count == 0)
        {
            return;
        }

        if (shared is null)
        {
            AdvanceLocally(contextTypes);
            return;
        }

        try
        {
            Observe(shared.Sync(Of, TakeUnannounced(contextTypes)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Remember(contextTypes, e);
        }
    }

    /// <summary>After a commit, before it is acknowledged: one round trip to the shared store, if there is one.</summary>
    public async Task AdvanceAsync(IReadOnlyCollection<Type> contextTypes)
    {
        if (contextTypes.Count == 0)
        {
            return;
        }

        if (shared is null)
        {
            AdvanceLocally(contextTypes);
            return;
        }

        try
        {
            Observe(await shared.SyncAsync(Of, TakeUnannounced(contextTypes)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Remember(contextTypes, e);
        }
    }

    /// <summary>
    /// Brings this process up to the shared counters (nothing to do without a shared store): called once per request
    /// and job before anything cached is read. Throws when the store cannot be reached, so that nothing cached is
    /// served on counters that may be behind.
    /// </summary>
    public async Task RefreshAsync()
    {
        if (shared is null)
        {
            return;
        }

        var unannounced = TakeUnannounced([]);
        try
        {
            Observe(await shared.SyncAsync(Of, unannounced));
        }
        catch
        {
            foreach (var type in unannounced)
            {
                _unannounced.TryAdd(type, 0);
            }

            throw;
        }
    }

    private void AdvanceLocally(IReadOnlyCollection<Type> contextTypes)
    {
        foreach (var type in contextTypes)
        {
            _generations.AddOrUpdate(type, 1, (_, generation) => generation + 1);
        }

        Committed?.Invoke(contextTypes);
    }

    /// <summary>
    /// A unit of work has changed rows of <paramref name="contextType"/> and not yet committed or rolled back. Until
    /// it has, caches neither serve nor keep what they read of those tables: the writer itself would read its own
    /// uncommitted rows, which a rollback would leave cached under a generation that never moves.
    /// </summary>
    public void BeginChange(Type contextType) => _changing.AddOrUpdate(contextType, 1, (_, count) => count + 1);

    /// <summary>Ends <see cref="BeginChange"/>; after a commit, call it once <see cref="Advance"/> has run.</summary>
    public void EndChange(IEnumerable<Type> contextTypes)
    {
        foreach (var type in contextTypes)
        {
            _changing.AddOrUpdate(type, 0, (_, count) => Math.Max(0, count - 1));
        }
    }

    public bool IsChanging(IReadOnlyList<Type> contextTypes)
    {
        foreach (var type in contextTypes)
        {
            if (_changing.GetValueOrDefault(type) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Raises local counters to the store's; they never go back (a slower answer may arrive after a newer one).</summary>
    private void Observe(IReadOnlyDictionary<Type, long> values)
    {
        List<Type>? moved = null;
        foreach (var (type, value) in values)
        {
            var before = _generations.GetValueOrDefault(type);
            if (value > before && _generations.AddOrUpdate(type, value, (_, current) => Math.Max(current, value)) > before)
            {
                (moved ??= []).Add(type);
            }
        }

        if (moved is not null)
        {
            Committed?.Invoke(moved);
        }
    }

    private List<Type> TakeUnannounced(IReadOnlyCollection<Type> alsoThese)
    {
        var types = new HashSet<Type>(alsoThese);
        foreach (var type in _unannounced.Keys)
        {
            if (_unannounced.TryRemove(type, out _))
            {
                types.Add(type);
            }
        }

        return [.. types];
    }

    private void Remember(IReadOnlyCollection<Type> contextTypes, Exception error)
    {
        // The change has committed; failing its request now would only hide that. Other processes see it once the
        // store answers again (the next refresh announces it), and until then no request here is served from cache.
        foreach (var type in contextTypes)
        {
            _unannounced.TryAdd(type, 0);
        }

        _logger.LogError(error, "Could not announce a committed change of {Contexts} to the shared cache; it is sent with the next request",
            string.Join(", ", contextTypes.Select(t => t.Name)));
    }
}
