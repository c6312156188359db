using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

/// <summary>Issue 12, item 12: no secret sits in plain text in the jobs table, and finished jobs do not stay forever.</summary>
public sealed class ProtectedJobArgsTests
{
    private const string Link = "https://ratemymodule.app/Account/ResetPassword?code=s3cret-reset-token";

    [Fact]
    public async Task Protected_args_are_stored_encrypted_and_the_job_gets_them_back_as_enqueued()
    {
        await using var host = await TestJobsModule.StartHostAsync();

        var id = await host.EnqueueAsync(new SecretArgs(Link));

        var stored = (await host.JobAsync(id)).JobArgs;
        stored.ShouldNotContain("s3cret-reset-token");
        stored.ShouldNotContain("ResetPassword");
        (await host.RunDueJobsAsync()).ShouldBe(1);
        host.Services.GetRequiredService<JobJournal>().Attempts(Link).ShouldBe(1);
        (await host.JobAsync(id)).State.ShouldBe(BackgroundJobState.Succeeded);
    }

    [Fact]
    public async Task Other_args_stay_readable_json()
    {
        await using var host = await TestJobsModule.StartHostAsync();

        var id = await host.EnqueueAsync(new RecordEffectArgs("plain"));

        (await host.JobAsync(id)).JobArgs.ShouldBe("""{"Label":"plain","FailuresBeforeSuccess":0}""");
    }

    [Fact]
    public async Task Protected_args_that_cannot_be_decrypted_abandon_the_job_at_once_without_echoing_them()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var id = Guid.NewGuid();
        var now = host.Clock.GetUtcNow();
        await host.InsertAsync(new BackgroundJobRecord
        {
            Id = id, JobName = "Tests.Secret", JobArgs = """{"Link":"planted in plain text"}""",
            State = BackgroundJobState.Pending, CreationTime = now, NextTryTime = now,
        });

        await host.RunDueJobsAsync();

        var job = await host.JobAsync(id);
        job.State.ShouldBe(BackgroundJobState.Abandoned);
        job.TryCount.ShouldBe(1);
        job.LastError!.ShouldStartWith("The stored arguments cannot be decrypted");
        job.LastError.ShouldNotContain("planted");
        host.Services.GetRequiredService<JobJournal>().Attempts("planted in plain text").ShouldBe(0);
    }

    [Fact]
    public async Task Finished_jobs_past_their_retention_are_deleted_and_the_rest_kept()
    {
        await using var host = await TestJobsModule.StartHostAsync(new Dictionary<string, string?> { ["BackgroundJobs:FinishedJobRetention"] = "7.00:00:00" });
        var now = host.Clock.GetUtcNow();
        BackgroundJobRecord Job(BackgroundJobState state, int daysAgo) => new()
        {
            Id = Guid.NewGuid(), JobName = "Tests.RecordEffect", JobArgs = "{}", State = state,
            CreationTime = now.AddDays(-daysAgo), NextTryTime = now.AddDays(-daysAgo), LastTryTime = state == BackgroundJobState.Pending ? null : now.AddDays(-daysAgo),
        };
        var oldSucceeded = Job(BackgroundJobState.Succeeded, 8);
        var oldAbandoned = Job(BackgroundJobState.Abandoned, 30);
        var recentSucceeded = Job(BackgroundJobState.Succeeded, 6);
        var oldPending = Job(BackgroundJobState.Pending, 40);
        foreach (var job in new[] { oldSucceeded, oldAbandoned, recentSucceeded, oldPending })
        {
            await host.InsertAsync(job);
        }

        (await host.Services.GetRequiredService<BackgroundJobExecutor>().PurgeFinishedJobsAsync()).ShouldBe(2);

        var left = await host.InUnitOfWorkAsync(sp => sp.GetRequiredService<FrameworkDbContext>().BackgroundJobs.Select(j => j.Id).ToListAsync());
        left.ShouldBe([recentSucceeded.Id, oldPending.Id], ignoreOrder: true);
    }
}
