using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.BackgroundJobs;

/// <summary>Polls for due jobs every <see cref="BackgroundJobOptions.PollInterval"/> and hands them to the executor.</summary>
public sealed partial class BackgroundJobWorker(
    BackgroundJobExecutor executor,
    IOptions<BackgroundJobOptions> options,
    TimeProvider clock,
    ILogger<BackgroundJobWorker> logger) : BackgroundService
{
    /// <summary>Finished jobs age by days: deleting them once an hour is plenty, and spares the table a scan each poll.</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            LogDisabled(logger);
            return;
        }

        LogStarted(logger, settings.PollInterval);
        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        var nextPurge = clock.GetUtcNow();
        try
        {
            do
            {
                if (clock.GetUtcNow() >= nextPurge)
                {
                    await PurgeAsync(stoppingToken);
                    nextPurge = clock.GetUtcNow() + PurgeInterval;
                }

                // A full batch means more may be due: keep going rather than wait a whole interval.
                while (await RunOnceAsync(stoppingToken) >= settings.BatchSize)
                {
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown: the executor has already given back the job it was running.
        }
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        try
        {
            var purged = await executor.PurgeFinishedJobsAsync(stoppingToken);
            if (purged > 0)
            {
                LogPurged(logger, purged);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPollFailed(logger, e);
        }
    }

    private async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await executor.RunDueJobsAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A poll that fails (database briefly unavailable) must not stop the worker for good.
            LogPollFailed(logger, e);
            return 0;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Background job worker started, polling every {PollInterval}")]
    private static partial void LogStarted(ILogger logger, TimeSpan pollInterval);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Background job worker is disabled (BackgroundJobs:IsEnabled = false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Deleted {Count} finished background job(s) past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Polling for background jobs failed; the worker tries again next interval")]
    private static partial void LogPollFailed(ILogger logger, Exception error);
}
