using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.Application;

/// <summary>
/// Makes a write the module's only writer as its first statement (<see cref="ModuleWriteLock"/>: SQLite's write
/// lock, or a PostgreSQL advisory lock every replica shares). The unit of work may begin as a reader, so without this
/// a transaction that read first and writes second would decide on stale data (on SQLite it fails at once when
/// another writer committed in between); with it, concurrent writers queue and each then reads what the previous one
/// wrote, so "already reviewed", "change my vote", "the third report hides it" and the module's aggregates are decided
/// on current data.
/// </summary>
public sealed class ReviewsWriteGate(ReviewsDbContext db)
{
    private bool _entered;

    public async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (_entered)
        {
            return;
        }

        await ModuleWriteLock.EnterAsync(db, "RevModuleReviewStats", cancellationToken);
        _entered = true;
    }
}
