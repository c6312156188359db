namespace RateMyModule.Framework.BackgroundJobs;

public interface IBackgroundJobManager
{
    /// <summary>
    /// Stores a job for <typeparamref name="TArgs"/>'s registered job, due after <paramref name="delay"/>. The record
    /// is saved in the scope's unit of work, so it commits or rolls back with the change that asked for it.
    /// </summary>
    /// <returns>The job's id.</returns>
    Task<Guid> EnqueueAsync<TArgs>(TArgs args, TimeSpan? delay = null, CancellationToken cancellationToken = default);
}
