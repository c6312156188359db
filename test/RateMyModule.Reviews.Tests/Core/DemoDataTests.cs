using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Seeding;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class DemoDataTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    [Fact]
    public async Task Demo_reviews_come_only_with_demo_data_cover_the_catalogue_and_a_second_run_changes_nothing()
    {
        var seeder = app.Host.Services.GetRequiredService<DataSeeder>();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        (await app.DbAsync(db => db.Reviews.CountAsync())).ShouldBe(0, "an empty catalogue gives no demo reviews");

        var modules = Enumerable.Range(0, 4).Select(i => app.Catalogue.AddModule(i % 2 == 0 ? TestCatalogue.UniversityA : TestCatalogue.UniversityB, $"Demo {i}")).ToList();
        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: false));
        (await app.DbAsync(db => db.Reviews.CountAsync())).ShouldBe(0, "demo reviews only with demo data");

        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        var count = await app.DbAsync(db => db.Reviews.CountAsync());
        count.ShouldBeGreaterThan(0);
        foreach (var module in modules)
        {
            (await app.DbAsync(db => db.Reviews.CountAsync(r => r.ModuleId == module.Id))).ShouldBeGreaterThanOrEqualTo(3);
            await app.AssertAggregateMatchesReviewsAsync(module.Id);
        }

        (await app.DbAsync(db => db.Reviews.Where(r => r.ModuleId == modules[1].Id).Select(r => r.AuthorSnapshot).FirstAsync()))
            .ShouldBe("a mathematician | UoBI");
        var votes = await app.DbAsync(db => db.Votes.CountAsync());
        votes.ShouldBeGreaterThan(0);
        var counters = await app.DbAsync(db => db.Reviews.Select(r => new
        {
            r.HelpfulCount,
            r.NotHelpfulCount,
            r.Score,
            Helpful = db.Votes.Count(v => v.ReviewId == r.Id && v.Kind == VoteKind.Helpful),
            NotHelpful = db.Votes.Count(v => v.ReviewId == r.Id && v.Kind == VoteKind.NotHelpful),
            OwnVote = db.Votes.Any(v => v.ReviewId == r.Id && v.UserId == r.AuthorId),
        }).ToListAsync());
        counters.ShouldAllBe(c => c.HelpfulCount == c.Helpful && c.NotHelpfulCount == c.NotHelpful && c.Score == c.Helpful - c.NotHelpful && !c.OwnVote);

        var reports = await app.DbAsync(db => db.Reports.Where(r => r.SolvedAt == null).GroupBy(r => r.ReviewId).Select(g => g.Count()).ToListAsync());
        reports.ShouldNotBeEmpty("the moderation queue has demo reports");
        reports.ShouldAllBe(n => n < ReviewLimits.DefaultHideThreshold);
        (await app.DbAsync(db => db.Reviews.CountAsync(r => r.IsHidden))).ShouldBe(0);

        await seeder.SeedAsync(new DataSeedContext(IncludeDemoData: true));
        (await app.DbAsync(db => db.Reviews.CountAsync())).ShouldBe(count);
        (await app.DbAsync(db => db.Votes.CountAsync())).ShouldBe(votes);
        (await app.DbAsync(db => db.Reports.CountAsync())).ShouldBe(reports.Sum());
    }
}
