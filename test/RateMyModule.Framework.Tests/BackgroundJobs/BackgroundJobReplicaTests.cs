using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

/// <summary>
/// Several replicas, each a host of its own (its own executor, caches and clock) over one database: on PostgreSQL
/// when the run is (<c>RMM_TEST_DB=postgres</c>), which is where replicas really share one. Each job runs once;
/// a job whose claimer died mid-job is taken over by another replica once the lease runs out.
/// </summary>
public sealed class BackgroundJobReplicaTests
{
    private const int Replicas = 4;

    [Fact]
    public async Task Replicas_polling_one_database_run_each_job_exactly_once()
    {
        using var database = new TestDatabase();
        var hosts = await StartReplicasAsync(database);
        try
        {
            var labels = Enumerable.Range(1, 40).Select(i => $"replica-{i}").ToList();
            foreach (var label in labels)
            {
                await hosts[0].EnqueueAsync(new RecordEffectArgs(label));
            }

            // Every replica polls at the same moment, and again until none finds work: the claims race throughout.
            var ran = await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
            {
                var total = 0;
                int batch;
                do
                {
                    batch = await host.RunDueJobsAsync();
                    total += batch;
                }
                while (batch > 0);
                return total;
            })));

            ran.Sum().ShouldBe(labels.Count);
            foreach (var label in labels)
            {
                (await hosts[0].EffectCountAsync(label)).ShouldBe(1, $"{label} ran {await hosts[0].EffectCountAsync(label)} times");
            }

            hosts.Sum(h => labels.Sum(l => h.Services.GetRequiredService<JobJournal>().Attempts(l))).ShouldBe(labels.Count);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_job_whose_replica_died_mid_job_is_taken_over_by_one_other_replica_when_its_lease_ends()
    {
        using var database = new TestDatabase();
        var hosts = await StartReplicasAsync(database);
        try
        {
            var now = hosts[0].Clock.GetUtcNow();
            var id = Guid.NewGuid();
            // What a replica that claimed the job and was killed leaves behind: a pending job under a lease.
            await hosts[0].InsertAsync(new BackgroundJobRecord
            {
                Id = id,
                JobName = "Tests.RecordEffect",
                JobArgs = """{"Label":"orphan","FailuresBeforeSuccess":0}""",
                State = BackgroundJobState.Pending,
                CreationTime = now,
                NextTryTime = now,
                LockedUntil = now.AddMinutes(5),
            });

            (await Task.WhenAll(hosts.Select(h => h.RunDueJobsAsync()))).Sum().ShouldBe(0);

            foreach (var host in hosts)
            {
                host.Clock.Advance(TimeSpan.FromMinutes(5));
            }

            (await Task.WhenAll(hosts.Select(h => Task.Run(h.RunDueJobsAsync)))).Sum().ShouldBe(1);
            (await hosts[1].JobAsync(id)).State.ShouldBe(BackgroundJobState.Succeeded);
            (await hosts[1].EffectCountAsync("orphan")).ShouldBe(1);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<List<ModuleTestHost>> StartReplicasAsync(TestDatabase database)
    {
        var hosts = new List<ModuleTestHost>();
        for (var i = 0; i < Replicas; i++)
        {
            hosts.Add(await TestJobsModule.StartHostAsync(new Dictionary<string, string?> { ["BackgroundJobs:BatchSize"] = "5" }, database));
        }

        return hosts;
    }
}
