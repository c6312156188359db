using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

public sealed class BackgroundJobRestartTests
{
    [Fact]
    public async Task A_job_enqueued_before_a_restart_runs_exactly_once_after_it()
    {
        using var database = new TestDatabase();
        Guid id;
        await using (var before = await TestJobsModule.StartHostAsync(database: database))
        {
            id = await before.EnqueueAsync(new RecordEffectArgs("survives-restart"));
        }

        await using var after = await TestJobsModule.StartHostAsync(database: database);
        (await after.RunDueJobsAsync()).ShouldBe(1);
        (await after.RunDueJobsAsync()).ShouldBe(0);

        (await after.EffectCountAsync("survives-restart")).ShouldBe(1);
        (await after.JobAsync(id)).State.ShouldBe(BackgroundJobState.Succeeded);
    }
}
