using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>
/// Claims due jobs and runs them. A claim is a conditional update that only one worker can win, so several
/// replicas polling one database never run a job twice. Each job runs in its own scope and unit of work; the
/// "succeeded" mark is written in that unit of work and only while the claim is still ours, so the job's writes
/// and its completion commit together or not at all.
/// </summary>
public sealed partial class BackgroundJobExecutor(
    IServiceScopeFactory scopeFactory,
    IOptions<BackgroundJobOptions> options,
    TimeProvider clock,
    IDataProtectionProvider protection,
    ILogger<BackgroundJobExecutor> logger)
{
    private const int MaxErrorLength = 4000;

    /// <summary>Runs the jobs due now, up to the batch size.</summary>
    /// <returns>How many jobs this call claimed and tried, whatever their outcome.</returns>
    public async Task<int> RunDueJobsAsync(CancellationToken cancellationToken = default)
    {
        var ran = 0;
        foreach (var id in await FindDueJobIdsAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await TryClaimAsync(id, cancellationToken) is { } job)
            {
                await RunClaimedAsync(job, cancellationToken);
                ran++;
            }
        }

        return ran;
    }

    /// <summary>
    /// Deletes the jobs that finished (succeeded or abandoned) longer than <see cref="BackgroundJobOptions.FinishedJobRetention"/>
    /// ago: their args (a mail's text, an import's file) are kept no longer than an administrator needs them.
    /// </summary>
    /// <returns>How many jobs were deleted.</returns>
    public async Task<int> PurgeFinishedJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
        DateTimeOffset? before = clock.GetUtcNow() - options.Value.FinishedJobRetention;
        return await db.BackgroundJobs
            .Where(j => j.State != BackgroundJobState.Pending && j.LastTryTime < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<List<Guid>> FindDueJobIdsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
        var now = clock.GetUtcNow();
        return await db.BackgroundJobs
            .Where(j => j.State == BackgroundJobState.Pending && j.NextTryTime <= now && (j.LockedUntil == null || j.LockedUntil <= now))
            .OrderBy(j => j.NextTryTime)
            .Select(j => j.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Takes the job if it is still due and unclaimed; the update commits at once, outside any unit of work.</summary>
    private async Task<ClaimedJob?> TryClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
        var now = clock.GetUtcNow();
        DateTimeOffset? lockedUntil = now + options.Value.LockTimeout;
        var claimed = await db.BackgroundJobs
            .Where(j => j.Id == id && j.State == BackgroundJobState.Pending && j.NextTryTime <= now
                && (j.LockedUntil == null || j.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, lockedUntil), cancellationToken);
        if (claimed != 1)
        {
            return null;
        }

        var record = await db.BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        return new ClaimedJob(record.Id, record.JobName, record.JobArgs, record.TryCount, lockedUntil.Value);
    }

    private async Task RunClaimedAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        if (!options.Value.Jobs.TryGetValue(job.JobName, out var definition))
        {
            await AbandonAsync(job, $"No background job is registered under the name '{job.JobName}'.");
            return;
        }

        object args;
        try
        {
            var json = definition.IsProtected ? protection.CreateProtector(ProtectedJobArgsAttribute.Purpose).Unprotect(job.JobArgs) : job.JobArgs;
            args = definition.DeserializeArgs(json);
        }
        catch (JsonException e)
        {
            await AbandonAsync(job, $"The stored arguments cannot be read as {definition.ArgsType.FullName}: {e.Message}");
            return;
        }
        catch (CryptographicException e)
        {
            // Encrypted under a key this key ring no longer has (or not encrypted at all): no later try can do better.
            await AbandonAsync(job, $"The stored arguments cannot be decrypted: {e.Message}");
            return;
        }

        try
        {
            if (await ExecuteInUnitOfWorkAsync(definition, job, args, cancellationToken))
            {
                LogSucceeded(logger, job.JobName, job.Id, job.TryCount + 1);
            }
            else
            {
                LogClaimLost(logger, job.JobName, job.Id);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down is not the job's fault: give the job back at once instead of counting a failure.
            await ReleaseAsync(job);
            throw;
        }
        catch (Exception e)
        {
            // Whatever a job throws is a failed try: recorded, retried or abandoned; the batch goes on.
            await RecordFailureAsync(job, e);
        }
    }

    /// <returns>False when the claim expired and another worker took the job; then nothing of this run commits.</returns>
    private async Task<bool> ExecuteInUnitOfWorkAsync(
        BackgroundJobDefinition definition, ClaimedJob job, object args, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        // Like a request: see what other replicas committed before the job reads anything cached.
        await scope.ServiceProvider.GetRequiredService<DataGenerations>().RefreshAsync();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        unitOfWork.Begin();
        try
        {
            await definition.ExecuteAsync(scope.ServiceProvider, args, cancellationToken);

            var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
            var now = clock.GetUtcNow();
            var marked = await OwnedBy(db, job).ExecuteUpdateAsync(
                s => s
                    .SetProperty(j => j.State, BackgroundJobState.Succeeded)
                    .SetProperty(j => j.TryCount, job.TryCount + 1)
                    .SetProperty(j => j.LastTryTime, now)
                    .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.LastError, (string?)null),
                cancellationToken);
            if (marked != 1)
            {
                await unitOfWork.RollbackAsync();
                return false;
            }

            await unitOfWork.CompleteAsync(cancellationToken);
            return true;
        }
        catch
        {
            // Roll back here, while the scope's contexts are alive, so the job's writes are gone (and the write lock
            // released) before the failure is recorded on another connection.
            await unitOfWork.RollbackAsync();
            throw;
        }
    }

    private async Task RecordFailureAsync(ClaimedJob job, Exception error)
    {
        var tryCount = job.TryCount + 1;
        var settings = options.Value;
        if (tryCount >= settings.MaxTryCount)
        {
            await AbandonAsync(job, Describe(error), error);
            return;
        }

        var now = clock.GetUtcNow();
        var delay = settings.RetryDelay(tryCount);
        var lastError = Describe(error);
        await UpdateOwnedAsync(job, s => s
            .SetProperty(j => j.TryCount, tryCount)
            .SetProperty(j => j.LastTryTime, now)
            .SetProperty(j => j.NextTryTime, now + delay)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, lastError));
        LogWillRetry(logger, error, job.JobName, job.Id, tryCount, settings.MaxTryCount, delay);
    }

    private async Task AbandonAsync(ClaimedJob job, string reason, Exception? error = null)
    {
        var tryCount = job.TryCount + 1;
        var now = clock.GetUtcNow();
        var lastError = Truncate(reason);
        await UpdateOwnedAsync(job, s => s
            .SetProperty(j => j.State, BackgroundJobState.Abandoned)
            .SetProperty(j => j.TryCount, tryCount)
            .SetProperty(j => j.LastTryTime, now)
            .SetProperty(j => j.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(j => j.LastError, lastError));
        LogAbandoned(logger, error, job.JobName, job.Id, tryCount, lastError);
    }

    private Task ReleaseAsync(ClaimedJob job)
        => UpdateOwnedAsync(job, s => s.SetProperty(j => j.LockedUntil, (DateTimeOffset?)null));

    /// <summary>
    /// Writes the outcome in a fresh scope that commits at once. Not cancellable: an outcome lost at shutdown
    /// would leave the job locked until its claim expires.
    /// </summary>
    private async Task UpdateOwnedAsync(
        ClaimedJob job, Action<UpdateSettersBuilder<BackgroundJobRecord>> setters)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FrameworkDbContext>();
        if (await OwnedBy(db, job).ExecuteUpdateAsync(setters, CancellationToken.None) != 1)
        {
            LogClaimLost(logger, job.JobName, job.Id);
        }
    }

    private static IQueryable<BackgroundJobRecord> OwnedBy(FrameworkDbContext db, ClaimedJob job)
        => db.BackgroundJobs.Where(j => j.Id == job.Id && j.LockedUntil == job.LockedUntil);

    // The exception's type and message only: the arguments are never copied into the record's error or the logs.
    private static string Describe(Exception error) => Truncate($"{error.GetType().FullName}: {error.Message}");

    private static string Truncate(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Background job {JobName} {JobId} succeeded on try {TryCount}")]
    private static partial void LogSucceeded(ILogger logger, string jobName, Guid jobId, int tryCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Background job {JobName} {JobId} failed on try {TryCount} of {MaxTryCount}; it will be retried in {RetryDelay}")]
    private static partial void LogWillRetry(
        ILogger logger, Exception error, string jobName, Guid jobId, int tryCount, int maxTryCount, TimeSpan retryDelay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Background job {JobName} {JobId} abandoned after try {TryCount}: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, Exception? error, string jobName, Guid jobId, int tryCount, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Background job {JobName} {JobId} outlived its claim and another worker took it; this run's outcome is discarded")]
    private static partial void LogClaimLost(ILogger logger, string jobName, Guid jobId);

    private sealed record ClaimedJob(Guid Id, string JobName, string JobArgs, int TryCount, DateTimeOffset LockedUntil);
}
