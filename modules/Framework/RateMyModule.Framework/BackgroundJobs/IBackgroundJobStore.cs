namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>What an admin sees of the job queue. Read-only; the args are left out, as they may hold personal data.</summary>
public interface IBackgroundJobStore
{
    /// <summary>
    /// Jobs newest first, optionally of one state, in pages of <paramref name="pageSize"/>. Pass the previous page's
    /// <see cref="BackgroundJobPage.NextPageKey"/> as <paramref name="after"/> to read on; keyset paging stays fast
    /// and skips nothing while new jobs arrive.
    /// </summary>
    Task<BackgroundJobPage> GetPageAsync(
        BackgroundJobState? state, BackgroundJobPageKey? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>How many jobs are in each state (states without jobs are absent).</summary>
    Task<IReadOnlyDictionary<BackgroundJobState, int>> CountByStateAsync(CancellationToken cancellationToken = default);
}

public sealed record BackgroundJobSummary(
    Guid Id,
    string JobName,
    BackgroundJobState State,
    int TryCount,
    DateTimeOffset CreationTime,
    DateTimeOffset NextTryTime,
    DateTimeOffset? LastTryTime,
    DateTimeOffset? LockedUntil,
    string? LastError);

/// <summary>Where a page ended: the creation time and id of its last job.</summary>
public sealed record BackgroundJobPageKey(DateTimeOffset CreationTime, Guid Id);

public sealed record BackgroundJobPage(IReadOnlyList<BackgroundJobSummary> Items, BackgroundJobPageKey? NextPageKey);
