namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>
/// Work done later, outside the request that asked for it. Each run gets its own DI scope and unit of work: what the
/// job writes commits together with its "succeeded" mark, or rolls back when it throws (and the job is retried).
/// </summary>
public interface IBackgroundJob<in TArgs>
{
    Task ExecuteAsync(TArgs args, CancellationToken cancellationToken);
}
