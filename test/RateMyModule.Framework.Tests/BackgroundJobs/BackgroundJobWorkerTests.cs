using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.BackgroundJobs;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

public sealed class BackgroundJobWorkerTests
{
    [Fact]
    public async Task The_worker_is_not_registered_when_disabled_by_configuration()
    {
        await using var host = await TestJobsModule.StartHostAsync(startHostedServices: true);

        host.Services.GetServices<IHostedService>().OfType<BackgroundJobWorker>().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_disabled_worker_returns_at_once_and_leaves_jobs_pending()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var id = await host.EnqueueAsync(new RecordEffectArgs("not-run"));
        using var worker = new BackgroundJobWorker(
            host.Services.GetRequiredService<BackgroundJobExecutor>(),
            Options.Create(new BackgroundJobOptions { IsEnabled = false }),
            host.Clock,
            NullLogger<BackgroundJobWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask.ShouldNotBeNull().WaitAsync(TimeSpan.FromSeconds(10));

        (await host.JobAsync(id)).State.ShouldBe(BackgroundJobState.Pending);
        (await host.EffectCountAsync("not-run")).ShouldBe(0);
    }

    [Fact]
    public async Task An_enabled_worker_polls_and_runs_due_jobs()
    {
        await using var host = await TestJobsModule.StartHostAsync(
            new Dictionary<string, string?>
            {
                ["BackgroundJobs:IsEnabled"] = "true",
                ["BackgroundJobs:PollInterval"] = "00:00:01",
            },
            startHostedServices: true);
        host.Services.GetServices<IHostedService>().OfType<BackgroundJobWorker>().ShouldHaveSingleItem();
        var id = await host.EnqueueAsync(new RecordEffectArgs("by-worker"));

        // The worker waits on the fake clock: move it one interval at a time until the job is done, within a bound.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await host.JobAsync(id)).State == BackgroundJobState.Pending && DateTime.UtcNow < deadline)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        (await host.JobAsync(id)).State.ShouldBe(BackgroundJobState.Succeeded);
        (await host.EffectCountAsync("by-worker")).ShouldBe(1);
    }
}
