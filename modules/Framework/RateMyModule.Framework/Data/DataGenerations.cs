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
}
