using Microsoft.EntityFrameworkCore;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.Application;

/// <summary>
/// Takes SQLite's write lock as the first statement of a write. The unit of work begins deferred, so without this a
/// transaction that read first and writes second fails at once (a stale snapshot) when another writer committed in
/// between; with it, concurrent writers queue on the busy timeout and each then reads what the previous one wrote,
/// so "already reviewed" and "change my vote" are decided on current data.
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

        // A write that changes no row still takes the RESERVED lock for the rest of the transaction.
        await db.Database.ExecuteSqlRawAsync("UPDATE RevModuleReviewStats SET ReviewCount = ReviewCount WHERE 0", cancellationToken);
        _entered = true;
    }
}
