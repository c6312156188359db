using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

public sealed class BackgroundJobExecutorTests
{
    [Fact]
    public async Task A_due_job_runs_once_and_its_writes_commit_with_its_success_mark()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var id = await host.EnqueueAsync(new RecordEffectArgs("runs"));

        (await host.RunDueJobsAsync()).ShouldBe(1);
        (await host.RunDueJobsAsync()).ShouldBe(0);

        (await host.EffectCountAsync("runs")).ShouldBe(1);
        var job = await host.JobAsync(id);
        job.State.ShouldBe(BackgroundJobState.Succeeded);
        job.TryCount.ShouldBe(1);
        job.LastTryTime.ShouldBe(host.Clock.GetUtcNow());
        job.LockedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task A_delayed_job_does_not_run_before_it_is_due()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        await host.EnqueueAsync(new RecordEffectArgs("delayed"), TimeSpan.FromMinutes(1));

        (await host.RunDueJobsAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        (await host.RunDueJobsAsync()).ShouldBe(1);

        (await host.EffectCountAsync("delayed")).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_job_is_rolled_back_and_retried_with_exponential_back_off()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var start = host.Clock.GetUtcNow();
        var id = await host.EnqueueAsync(new RecordEffectArgs("flaky", FailuresBeforeSuccess: 2));

        (await host.RunDueJobsAsync()).ShouldBe(1);
        var afterFirst = await host.JobAsync(id);
        afterFirst.State.ShouldBe(BackgroundJobState.Pending);
        afterFirst.TryCount.ShouldBe(1);
        afterFirst.NextTryTime.ShouldBe(start.AddSeconds(10));
        afterFirst.LastError.ShouldBe("System.InvalidOperationException: Attempt 1 fails on purpose.");
        afterFirst.LockedUntil.ShouldBeNull();
        (await host.EffectCountAsync("flaky")).ShouldBe(0);

        host.Clock.Advance(TimeSpan.FromSeconds(9));
        (await host.RunDueJobsAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await host.RunDueJobsAsync()).ShouldBe(1);
        var afterSecond = await host.JobAsync(id);
        afterSecond.TryCount.ShouldBe(2);
        afterSecond.NextTryTime.ShouldBe(start.AddSeconds(10 + 20));

        host.Clock.Advance(TimeSpan.FromSeconds(19));
        (await host.RunDueJobsAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        (await host.RunDueJobsAsync()).ShouldBe(1);

        var done = await host.JobAsync(id);
        done.State.ShouldBe(BackgroundJobState.Succeeded);
        done.TryCount.ShouldBe(3);
        done.LastError.ShouldBeNull();
        host.Services.GetRequiredService<JobJournal>().Attempts("flaky").ShouldBe(3);
        (await host.EffectCountAsync("flaky")).ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_keeps_failing_is_abandoned_after_the_configured_number_of_tries()
    {
        await using var host = await TestJobsModule.StartHostAsync(new Dictionary<string, string?> { ["BackgroundJobs:MaxTryCount"] = "3" });
        var id = await host.EnqueueAsync(new RecordEffectArgs("hopeless", FailuresBeforeSuccess: int.MaxValue));

        (await host.RunDueJobsAsync()).ShouldBe(1);
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        (await host.RunDueJobsAsync()).ShouldBe(1);
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        (await host.RunDueJobsAsync()).ShouldBe(1);
        host.Clock.Advance(TimeSpan.FromDays(1));
        (await host.RunDueJobsAsync()).ShouldBe(0);

        var job = await host.JobAsync(id);
        job.State.ShouldBe(BackgroundJobState.Abandoned);
        job.TryCount.ShouldBe(3);
        job.LastError.ShouldBe("System.InvalidOperationException: Attempt 3 fails on purpose.");
        host.Services.GetRequiredService<JobJournal>().Attempts("hopeless").ShouldBe(3);
        (await host.EffectCountAsync("hopeless")).ShouldBe(0);
    }

    [Fact]
    public async Task A_job_stored_under_an_unknown_name_is_abandoned_with_a_clear_error()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var id = Guid.NewGuid();
        await host.InsertAsync(Pending(id, host.Clock.GetUtcNow(), "Tests.RemovedJob", "{}"));

        (await host.RunDueJobsAsync()).ShouldBe(1);

        var job = await host.JobAsync(id);
        job.State.ShouldBe(BackgroundJobState.Abandoned);
        job.LastError.ShouldBe("No background job is registered under the name 'Tests.RemovedJob'.");
    }

    [Fact]
    public async Task A_job_whose_stored_args_no_longer_fit_is_abandoned_without_running()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var id = Guid.NewGuid();
        await host.InsertAsync(Pending(id, host.Clock.GetUtcNow(), "Tests.RecordEffect", "[1, 2]"));

        (await host.RunDueJobsAsync()).ShouldBe(1);

        var job = await host.JobAsync(id);
        job.State.ShouldBe(BackgroundJobState.Abandoned);
        job.LastError.ShouldNotBeNull().ShouldStartWith($"The stored arguments cannot be read as {typeof(RecordEffectArgs).FullName}");
    }

    [Fact]
    public async Task A_job_claimed_by_a_worker_that_died_runs_again_only_once_the_claim_expires()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var now = host.Clock.GetUtcNow();
        var id = Guid.NewGuid();
        var record = Pending(id, now, "Tests.RecordEffect", """{"Label":"orphaned","FailuresBeforeSuccess":0}""");
        record.LockedUntil = now.AddMinutes(5);
        await host.InsertAsync(record);

        (await host.RunDueJobsAsync()).ShouldBe(0);
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        (await host.RunDueJobsAsync()).ShouldBe(1);

        (await host.JobAsync(id)).State.ShouldBe(BackgroundJobState.Succeeded);
        (await host.EffectCountAsync("orphaned")).ShouldBe(1);
    }

    [Fact]
    public async Task Two_executors_racing_over_the_same_jobs_run_each_job_exactly_once()
    {
        await using var host = await TestJobsModule.StartHostAsync(new Dictionary<string, string?> { ["BackgroundJobs:BatchSize"] = "100" });
        var labels = Enumerable.Range(1, 20).Select(i => $"race-{i}").ToList();
        foreach (var label in labels)
        {
            await host.EnqueueAsync(new RecordEffectArgs(label));
        }

        // Two replicas: separate executors over the same database, both polling at the same moment.
        var first = ActivatorUtilities.CreateInstance<BackgroundJobExecutor>(host.Services);
        var second = ActivatorUtilities.CreateInstance<BackgroundJobExecutor>(host.Services);
        var ran = await Task.WhenAll(Task.Run(() => first.RunDueJobsAsync()), Task.Run(() => second.RunDueJobsAsync()));

        ran.Sum().ShouldBe(labels.Count);
        var journal = host.Services.GetRequiredService<JobJournal>();
        labels.ShouldAllBe(label => journal.Attempts(label) == 1);
        foreach (var label in labels)
        {
            (await host.EffectCountAsync(label)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Each_outcome_is_logged_without_the_job_args()
    {
        var logs = new CapturedLogs();
        await using var host = await TestJobsModule.StartHostAsync(
            new Dictionary<string, string?> { ["BackgroundJobs:MaxTryCount"] = "2" },
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs));
        await host.EnqueueAsync(new RecordEffectArgs("private-label-ok"));
        await host.EnqueueAsync(new RecordEffectArgs("private-label-bad", FailuresBeforeSuccess: int.MaxValue));

        await host.RunDueJobsAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await host.RunDueJobsAsync();

        var messages = logs.Entries.Where(e => e.Category == typeof(BackgroundJobExecutor).FullName).ToList();
        messages.ShouldContain(e => e.Level == LogLevel.Information && e.Message.Contains("Tests.RecordEffect") && e.Message.Contains("succeeded on try 1"));
        messages.ShouldContain(e => e.Level == LogLevel.Warning && e.Message.Contains("failed on try 1 of 2; it will be retried in 00:00:10"));
        messages.ShouldContain(e => e.Level == LogLevel.Error && e.Message.Contains("abandoned after try 2"));
        messages.ShouldNotContain(e => e.Message.Contains("private-label"));
    }

    private static BackgroundJobRecord Pending(Guid id, DateTimeOffset now, string name, string args) => new()
    {
        Id = id,
        JobName = name,
        JobArgs = args,
        State = BackgroundJobState.Pending,
        CreationTime = now,
        NextTryTime = now,
    };
}
