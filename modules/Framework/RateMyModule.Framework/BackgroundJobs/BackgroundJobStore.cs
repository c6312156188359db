using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.BackgroundJobs;

public sealed class BackgroundJobStore(FrameworkDbContext db) : IBackgroundJobStore
{
    public const int MaxPageSize = 200;

    public async Task<BackgroundJobPage> GetPageAsync(
        BackgroundJobState? state, BackgroundJobPageKey? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var query = db.BackgroundJobs.AsNoTracking();
        if (state is { } wanted)
        {
            query = query.Where(j => j.State == wanted);
        }

        if (after is not null)
        {
            query = query.Where(j => j.CreationTime < after.CreationTime
                || (j.CreationTime == after.CreationTime && j.Id.CompareTo(after.Id) < 0));
        }

        // One extra row says whether there is a next page without a second query.
        var rows = await query
            .OrderByDescending(j => j.CreationTime)
            .ThenByDescending(j => j.Id)
            .Take(pageSize + 1)
            .Select(j => new BackgroundJobSummary(
                j.Id, j.JobName, j.State, j.TryCount, j.CreationTime, j.NextTryTime, j.LastTryTime, j.LockedUntil, j.LastError))
            .ToListAsync(cancellationToken);

        if (rows.Count <= pageSize)
        {
            return new BackgroundJobPage(rows, null);
        }

        rows.RemoveAt(pageSize);
        var last = rows[^1];
        return new BackgroundJobPage(rows, new BackgroundJobPageKey(last.CreationTime, last.Id));
    }

    public async Task<IReadOnlyDictionary<BackgroundJobState, int>> CountByStateAsync(CancellationToken cancellationToken = default)
        => await db.BackgroundJobs
            .GroupBy(j => j.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);
}
