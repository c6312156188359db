using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.BackgroundJobs;

/// <summary>Reads and writes the tests need straight from the tables, each in its own committed scope.</summary>
public static class JobQueries
{
    /// <summary>
    /// Runs <paramref name="work"/> in a committed unit of work and returns its result. (TestBase's generic
    /// <c>ScopeAsync&lt;T&gt;</c> resolves its own inner lambda back to itself and recurses until the stack overflows.)
    /// </summary>
    public static async Task<T> InUnitOfWorkAsync<T>(this ModuleTestHost host, Func<IServiceProvider, Task<T>> work)
    {
        T result = default!;
        await host.ScopeAsync(async sp => { result = await work(sp); });
        return result;
    }

    public static Task<BackgroundJobRecord> JobAsync(this ModuleTestHost host, Guid id)
        => host.InUnitOfWorkAsync(sp => sp.GetRequiredService<FrameworkDbContext>().BackgroundJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    public static Task<int> JobCountAsync(this ModuleTestHost host)
        => host.InUnitOfWorkAsync(sp => sp.GetRequiredService<FrameworkDbContext>().BackgroundJobs.CountAsync());

    public static Task<int> EffectCountAsync(this ModuleTestHost host, string label)
        => host.InUnitOfWorkAsync(sp => sp.GetRequiredService<TestJobsDbContext>().Effects.CountAsync(e => e.Label == label));

    public static Task<Guid> EnqueueAsync<TArgs>(this ModuleTestHost host, TArgs args, TimeSpan? delay = null)
        => host.InUnitOfWorkAsync(sp => sp.GetRequiredService<IBackgroundJobManager>().EnqueueAsync(args, delay));

    public static Task<int> RunDueJobsAsync(this ModuleTestHost host)
        => host.Services.GetRequiredService<BackgroundJobExecutor>().RunDueJobsAsync();

    /// <summary>Stores a record as-is, for states the manager cannot produce (unknown names, broken args, held locks).</summary>
    public static Task InsertAsync(this ModuleTestHost host, BackgroundJobRecord record)
        => host.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FrameworkDbContext>();
            db.BackgroundJobs.Add(record);
            await db.SaveChangesAsync();
        });
}
