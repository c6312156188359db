using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

public sealed class BackgroundJobStoreTests
{
    [Fact]
    public async Task Pages_list_jobs_newest_first_without_gaps_or_repeats_even_when_times_tie()
    {
        await using var host = await TestJobsModule.StartHostAsync();
        var expected = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            expected.Add(await host.EnqueueAsync(new RecordEffectArgs($"single-{i}")));
        }

        // Three jobs at the same instant: the id breaks the tie, so paging still visits each once.
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var tied = await host.InUnitOfWorkAsync(async sp =>
        {
            var manager = sp.GetRequiredService<IBackgroundJobManager>();
            return new[]
            {
                await manager.EnqueueAsync(new RecordEffectArgs("tied-1")),
                await manager.EnqueueAsync(new RecordEffectArgs("tied-2")),
                await manager.EnqueueAsync(new RecordEffectArgs("tied-3")),
            };
        });

        var pages = await ReadAllPagesAsync(host, state: null, pageSize: 2);

        pages.Count.ShouldBe(3);
        var ids = pages.SelectMany(p => p.Items).Select(j => j.Id).ToList();
        ids.ShouldBeUnique();
        ids.Take(3).ShouldBe(tied, ignoreOrder: true);
        ids.Skip(3).ShouldBe(Enumerable.Reverse(expected));
        pages[^1].NextPageKey.ShouldBeNull();
    }

    [Fact]
    public async Task Jobs_can_be_listed_and_counted_by_state()
    {
        await using var host = await TestJobsModule.StartHostAsync(new Dictionary<string, string?> { ["BackgroundJobs:MaxTryCount"] = "1" });
        var succeeded = await host.EnqueueAsync(new RecordEffectArgs("ok"));
        var abandoned = await host.EnqueueAsync(new RecordEffectArgs("bad", FailuresBeforeSuccess: 1));
        await host.RunDueJobsAsync();
        var pending = await host.EnqueueAsync(new RecordEffectArgs("later"), TimeSpan.FromHours(1));

        (await ReadAllPagesAsync(host, BackgroundJobState.Abandoned, 10)).SelectMany(p => p.Items).ShouldHaveSingleItem().Id.ShouldBe(abandoned);
        (await ReadAllPagesAsync(host, BackgroundJobState.Succeeded, 10)).SelectMany(p => p.Items).ShouldHaveSingleItem().Id.ShouldBe(succeeded);
        var waiting = (await ReadAllPagesAsync(host, BackgroundJobState.Pending, 10)).SelectMany(p => p.Items).ShouldHaveSingleItem();
        waiting.Id.ShouldBe(pending);
        waiting.JobName.ShouldBe("Tests.RecordEffect");

        var counts = await host.InUnitOfWorkAsync(sp => sp.GetRequiredService<IBackgroundJobStore>().CountByStateAsync());
        counts.ShouldBe(new Dictionary<BackgroundJobState, int>
        {
            [BackgroundJobState.Pending] = 1,
            [BackgroundJobState.Succeeded] = 1,
            [BackgroundJobState.Abandoned] = 1,
        }, ignoreOrder: true);
    }

    private static async Task<List<BackgroundJobPage>> ReadAllPagesAsync(ModuleTestHost host, BackgroundJobState? state, int pageSize)
    {
        var pages = new List<BackgroundJobPage>();
        BackgroundJobPageKey? after = null;
        do
        {
            var page = await host.InUnitOfWorkAsync(sp => sp.GetRequiredService<IBackgroundJobStore>().GetPageAsync(state, after, pageSize));
            pages.Add(page);
            after = page.NextPageKey;
        }
        while (after is not null && pages.Count < 100);

        return pages;
    }
}
