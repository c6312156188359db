using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Seeding;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>The Reviews module without HTTP, over its own SQLite file, with test catalogue, accounts and mail.</summary>
public sealed class ReviewsCoreFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public TestCatalogue Catalogue { get; } = new();

    public TestEmailQueue Email { get; } = new();

    public TestAccounts Accounts => (TestAccounts)Host.Services.GetRequiredService<IAccountLookup>();

    public async Task InitializeAsync()
    {
        Host = await ModuleTestHost.StartAsync<ReviewsModule>(services =>
        {
            services.AddSingleton<ICatalogueLookup>(Catalogue);
            services.AddSingleton<IAccountLookup>(new TestAccounts(Catalogue));
            services.AddSingleton<IEmailQueue>(Email);
        });
        await Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Runs <paramref name="work"/> as <paramref name="user"/> in its own unit of work.</summary>
    public Task<T> AsAsync<T>(ClaimsPrincipal? user, Func<IServiceProvider, Task<T>> work) =>
        Host.ScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentUser>().Change(user);
            return await work(sp);
        });

    public Task AsAsync(ClaimsPrincipal? user, Func<IServiceProvider, Task> work) =>
        AsAsync<bool>(user, async sp =>
        {
            await work(sp);
            return true;
        });

    public Task<Guid> WriteReviewAsync(Guid userId, Guid moduleId, int overall = 4, string text = "Good module", int year = 2024, params string[] tags) =>
        AsAsync(TestPrincipals.Student(userId), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(moduleId, new ReviewInput(overall, 3, 2, 5, text, year, tags)));

    public Task<T> DbAsync<T>(Func<ReviewsDbContext, Task<T>> query) =>
        Host.ScopeAsync(sp => query(sp.GetRequiredService<ReviewsDbContext>()));

    /// <summary>The aggregate rows recomputed by brute force from the visible reviews, to compare with the maintained ones.</summary>
    public async Task AssertAggregateMatchesReviewsAsync(Guid moduleId)
    {
        var (reviews, stats, cells, tagCounts) = await Host.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ReviewsDbContext>();
            var visible = await db.Reviews.AsNoTracking().Include(r => r.Tags).Where(r => r.ModuleId == moduleId && !r.IsHidden).ToListAsync();
            var row = await db.ModuleStats.AsNoTracking().FirstOrDefaultAsync(s => s.ModuleId == moduleId);
            var counts = await db.RatingCounts.AsNoTracking().Where(c => c.ModuleId == moduleId && c.Count != 0).ToListAsync();
            var tags = await db.TagCounts.AsNoTracking().Where(c => c.ModuleId == moduleId && c.Count != 0).ToListAsync();
            return (visible, row, counts, tags);
        });
        (stats?.ReviewCount ?? 0).ShouldBe(reviews.Count);
        (stats?.OverallSum ?? 0).ShouldBe(reviews.Sum(r => r.Overall));
        (stats?.DifficultySum ?? 0).ShouldBe(reviews.Sum(r => r.Difficulty ?? 0));
        (stats?.DifficultyCount ?? 0).ShouldBe(reviews.Count(r => r.Difficulty != null));
        (stats?.AssessmentSum ?? 0).ShouldBe(reviews.Sum(r => r.Assessment ?? 0));
        (stats?.TeachingCount ?? 0).ShouldBe(reviews.Count(r => r.Teaching != null));
        var expected = reviews
            .SelectMany(r => new (RatingDimension D, int? Star)[] { (RatingDimension.Overall, r.Overall), (RatingDimension.Difficulty, r.Difficulty), (RatingDimension.Assessment, r.Assessment), (RatingDimension.Teaching, r.Teaching) }
                .Where(x => x.Star != null).Select(x => (x.D, r.AcademicYear, Star: x.Star!.Value)))
            .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var actual = cells.ToDictionary(c => (c.Dimension, c.AcademicYear, c.Star), c => c.Count);
        actual.Count.ShouldBe(expected.Count);
        foreach (var (key, count) in expected)
        {
            actual.GetValueOrDefault(key).ShouldBe(count, $"cell {key}");
        }

        var expectedTags = reviews.SelectMany(r => r.Tags).GroupBy(t => t.TagId).ToDictionary(g => g.Key, g => g.Count());
        tagCounts.ToDictionary(c => c.TagId, c => c.Count).ShouldBe(expectedTags, ignoreOrder: true);
    }
}
