namespace RateMyModule.Framework.Uow;

/// <summary>
/// The process's writers, one at a time, first come first served. SQLite lets one transaction write at a time; a
/// writer that finds the lock taken sleeps and retries inside Microsoft.Data.Sqlite, and a burst of writers turns
/// into a convoy of sleepers that mostly miss the moment the lock frees. Queued here instead, each writer starts
/// the moment the one before it commits, and waits without holding a thread.
/// </summary>
public sealed class DatabaseWriteQueue : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for this writer's turn; disposing the result hands the turn to the next in line.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        // Async waiters of a SemaphoreSlim are released in the order they started waiting.
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
