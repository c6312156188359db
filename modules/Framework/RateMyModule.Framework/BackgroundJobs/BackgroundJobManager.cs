using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.BackgroundJobs;

public sealed class BackgroundJobManager(
    FrameworkDbContext db, IOptions<BackgroundJobOptions> options, TimeProvider clock, IDataProtectionProvider protection)
    : IBackgroundJobManager
{
    public async Task<Guid> EnqueueAsync<TArgs>(TArgs args, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "A job cannot be due in the past.");
        }

        // Failing here, in the code that enqueues, beats a job that is stored and then abandoned by the worker.
        var definition = options.Value.FindByArgsType(typeof(TArgs)) ?? throw new InvalidOperationException(
            $"No background job is registered for {typeof(TArgs).FullName}; call services.AddBackgroundJob<TJob, {typeof(TArgs).Name}>().");

        var now = clock.GetUtcNow();
        var json = BackgroundJobDefinition.SerializeArgs(args);
        var record = new BackgroundJobRecord
        {
            Id = Guid.CreateVersion7(now),
            JobName = definition.Name,
            JobArgs = definition.IsProtected ? protection.CreateProtector(ProtectedJobArgsAttribute.Purpose).Protect(json) : json,
            State = BackgroundJobState.Pending,
            CreationTime = now,
            NextTryTime = now + (delay ?? TimeSpan.Zero),
        };
        db.BackgroundJobs.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }
}
