namespace RateMyModule.Framework.Distributed;

/// <summary>Where <see cref="Data.DataGenerations"/> keep their counters when several processes share the data.</summary>
public interface ISharedDataGenerationStore
{
    /// <summary>
    /// Every context's current counter, after moving on those of <paramref name="increment"/>, in one round trip.
    /// <paramref name="local"/> gives what this process has seen, so that a store that lost its data (a restarted
    /// Redis without persistence) is brought back above it rather than counting again from zero.
    /// </summary>
    Task<IReadOnlyDictionary<Type, long>> SyncAsync(Func<Type, long> local, IReadOnlyCollection<Type> increment);

    /// <inheritdoc cref="SyncAsync"/>
    IReadOnlyDictionary<Type, long> Sync(Func<Type, long> local, IReadOnlyCollection<Type> increment);
}
