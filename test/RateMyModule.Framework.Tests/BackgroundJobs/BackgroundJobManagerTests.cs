using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

public sealed class BackgroundJobManagerTests
{
    [Fact]
    public async Task A_job_enqueued_in_a_unit_of_work_that_rolls_back_is_not_stored()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
            uow.Begin();
            await scope.ServiceProvider.GetRequiredService<IBackgroundJobManager>().EnqueueAsync(new RecordEffectArgs("rolled-back"));
            await uow.RollbackAsync();
        }

        (await host.JobCountAsync()).ShouldBe(0);
        (await host.RunDueJobsAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task A_job_enqueued_in_a_unit_of_work_that_commits_is_stored_pending_with_its_args_and_delay()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var now = host.Clock.GetUtcNow();

        var id = await host.EnqueueAsync(new RecordEffectArgs("committed", 2), TimeSpan.FromMinutes(3));

        var job = await host.JobAsync(id);
        job.JobName.ShouldBe("Tests.RecordEffect");
        JsonSerializer.Deserialize<RecordEffectArgs>(job.JobArgs).ShouldBe(new RecordEffectArgs("committed", 2));
        job.State.ShouldBe(BackgroundJobState.Pending);
        job.TryCount.ShouldBe(0);
        job.CreationTime.ShouldBe(now);
        job.NextTryTime.ShouldBe(now.AddMinutes(3));
        job.LockedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Args_without_a_name_attribute_are_stored_under_their_type_full_name()
    {
        await using var host = await TestJobsModule.StartHostAsync();

        var id = await host.EnqueueAsync(new UnnamedJobArgs(7));

        (await host.JobAsync(id)).JobName.ShouldBe(typeof(UnnamedJobArgs).FullName);
        (await host.RunDueJobsAsync()).ShouldBe(1);
        host.Services.GetRequiredService<JobJournal>().Attempts("unnamed-7").ShouldBe(1);
    }

    [Fact]
    public async Task Enqueueing_args_no_job_is_registered_for_fails_in_the_caller()
    {
        await using var host = await TestJobsModule.StartHostAsync();

        await using var scope = host.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<IBackgroundJobManager>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => manager.EnqueueAsync(new UnregisteredArgs()));

        error.Message.ShouldContain(nameof(UnregisteredArgs));
        (await host.JobCountAsync()).ShouldBe(0);
    }

    [Fact]
    public void Two_jobs_cannot_share_a_name()
    {
        var options = new BackgroundJobOptions();
        options.AddJob<RecordEffectJob, RecordEffectArgs>();

        Should.Throw<InvalidOperationException>(() => options.AddJob<ClashingJob, ClashingArgs>()).Message.ShouldContain("Tests.RecordEffect");
    }

    [Fact]
    public void Back_off_doubles_from_the_initial_delay()
    {
        var options = new BackgroundJobOptions { InitialRetryDelay = TimeSpan.FromSeconds(10) };

        Enumerable.Range(1, 4).Select(options.RetryDelay).ShouldBe(
            [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(80)]);
    }

    public sealed record UnregisteredArgs;

    [BackgroundJobName("Tests.RecordEffect")]
    public sealed record ClashingArgs;

    public sealed class ClashingJob : IBackgroundJob<ClashingArgs>
    {
        public Task ExecuteAsync(ClashingArgs args, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
