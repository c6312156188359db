using System.Collections.Concurrent;

namespace RateMyModule.Framework.Data;

/// <summary>
/// A counter per module DbContext that moves on whenever a change to that module's tables commits. Caches keep the
/// counters they read before reading the database, and an entry is good only while they have not moved: so a read
/// that raced a write can never be served after the write was acknowledged, whatever order the two finished in.
/// </summary>
public sealed class DataGenerations
{
    private readonly ConcurrentDictionary<Type, long> _generations = new();
    private readonly ConcurrentDictionary<Type, int> _changing = new();

    /// <summary>Raised after changes to the given contexts' tables committed, on the committing thread.</summary>
    public event Action<IReadOnlyCollection<Type>>? Committed;

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

    public void Advance(IReadOnlyCollection<Type> contextTypes)
    {
        if (contextTypes.Count == 0)
        {
            return;
        }

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
}
