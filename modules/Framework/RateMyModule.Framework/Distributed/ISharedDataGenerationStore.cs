namespace RateMyModule.Framework.Distributed;

/// <summary>Where <see cref="Data.DataGenerations"/> keep their counters when several processes share the data.</summary>
public interface ISharedDataGenerationStore
{
    /// <summary>Moves each context's counter on by one; returns the new values.</summary>
    IReadOnlyDictionary<Type, long> Increment(IReadOnlyCollection<Type> contextTypes);

    /// <summary>
    /// Every context's current counter, after moving on those of <paramref name="incrementFirst"/> (changes whose
    /// announcement failed earlier), in one round trip.
    /// </summary>
    Task<IReadOnlyDictionary<Type, long>> ReadAsync(IReadOnlyCollection<Type> incrementFirst);
}
