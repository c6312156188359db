using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class ModuleRankingTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    /// <summary>Nine modules' aggregate rows: ties, one rating short of the minimum, no difficulty ratings, no reviews.</summary>
    private async Task<List<Guid>> ArrangeAsync()
    {
        var rows = new[]
        {
            Stats(reviews: 10, overall: 40, difficulty: (30, 10), teaching: (45, 10)),
            Stats(reviews: 4, overall: 16, difficulty: (8, 4), teaching: (12, 4)),
            Stats(reviews: 4, overall: 16, difficulty: (16, 4), teaching: (16, 4)),
            Stats(reviews: 2, overall: 10, difficulty: (10, 2), teaching: (10, 2)),
            Stats(reviews: 7, overall: 14, difficulty: (0, 0), teaching: (21, 7)),
            Stats(reviews: 3, overall: 15, difficulty: (3, 3), teaching: (6, 3)),
            Stats(reviews: 12, overall: 30, difficulty: (44, 12), teaching: (30, 12)),
            Stats(reviews: 3, overall: 12, difficulty: (9, 3), teaching: (12, 3)),
            Stats(reviews: 0, overall: 0, difficulty: (0, 0), teaching: (0, 0)),
        };
        await app.DbAsync(async db =>
        {
            db.ModuleStats.AddRange(rows);
            return await db.SaveChangesAsync();
        });
        return rows.Select(r => r.ModuleId).ToList();
    }

    private static ModuleReviewStats Stats(int reviews, int overall, (int Sum, int Count) difficulty, (int Sum, int Count) teaching) => new()
    {
        ModuleId = Guid.NewGuid(),
        ReviewCount = reviews,
        OverallSum = overall,
        DifficultySum = difficulty.Sum,
        DifficultyCount = difficulty.Count,
        TeachingSum = teaching.Sum,
        TeachingCount = teaching.Count,
    };

    [Theory]
    [InlineData(ModuleRanking.MostReviewed)]
    [InlineData(ModuleRanking.TopRated)]
    [InlineData(ModuleRanking.Hardest)]
    [InlineData(ModuleRanking.Easiest)]
    [InlineData(ModuleRanking.BestTeaching)]
    public async Task Keyset_pages_give_each_rankable_module_once_in_the_rankings_order(ModuleRanking ranking)
    {
        var ids = await ArrangeAsync();
        var figures = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().GetFiguresAsync(ids));
        var expected = ModuleRankingRules.Rank(figures.Values, ranking).Select(f => f.ModuleId).ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().RankAsync(ids, ranking, cursor, 2));
            page.Items.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Items.Select(f => f.ModuleId));
            cursor = page.NextCursor;
            (++pages).ShouldBeLessThan(10);
        }
        while (cursor is not null);

        seen.ShouldBe(expected);
        seen.ShouldNotContain(ids[8], "a module without reviews is in no ranking");
        if (ranking != ModuleRanking.MostReviewed)
        {
            seen.ShouldNotContain(ids[3], $"two ratings are fewer than {ReviewLimits.RankingMinimumRatings}");
        }
    }

    [Fact]
    public async Task Rankings_order_by_the_averages_with_ties_kept_together()
    {
        var ids = await ArrangeAsync();
        async Task<List<Guid>> Rank(ModuleRanking r) => (await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().RankAsync(ids, r, null, 50))).Items.Select(f => f.ModuleId).ToList();

        (await Rank(ModuleRanking.MostReviewed)).Take(2).ShouldBe([ids[6], ids[0]]);
        (await Rank(ModuleRanking.TopRated))[0].ShouldBe(ids[5], "5.0 from three reviews");
        (await Rank(ModuleRanking.Hardest))[0].ShouldBe(ids[2], "4.0 difficulty");
        (await Rank(ModuleRanking.Easiest))[0].ShouldBe(ids[5], "1.0 difficulty");
        (await Rank(ModuleRanking.Easiest)).ShouldNotContain(ids[4], "no difficulty ratings");
        (await Rank(ModuleRanking.BestTeaching))[0].ShouldBe(ids[0], "4.5 teaching");
    }

    [Fact]
    public async Task A_tampered_cursor_starts_from_the_top_and_a_ranking_reads_only_the_aggregate_rows()
    {
        var ids = await ArrangeAsync();
        var top = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().RankAsync(ids, ModuleRanking.TopRated, null, 3));
        var tampered = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().RankAsync(ids, ModuleRanking.TopRated, "not-a-cursor!", 3));
        tampered.Items.ShouldBe(top.Items);

        using var recorder = SqlCommandRecorder.Start();
        await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().RankAsync(ids, ModuleRanking.Hardest, top.NextCursor, 3));
        recorder.Commands.ShouldNotBeEmpty();
        recorder.Commands.ShouldAllBe(c => c.Sql.Contains("RevModuleReviewStats") && !c.Sql.Contains("RevReviews\""));
    }

    [Fact]
    public async Task Recently_reviewed_modules_are_the_newest_first_and_a_students_reviewed_modules_are_known()
    {
        var older = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Older");
        var newer = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Newer");
        var elsewhere = app.Catalogue.AddModule(TestCatalogue.UniversityB, "Elsewhere");
        var student = Guid.NewGuid();
        await app.WriteReviewAsync(student, older.Id);
        app.Host.Clock.Advance(TimeSpan.FromHours(1));
        await app.WriteReviewAsync(Guid.NewGuid(), newer.Id);
        app.Host.Clock.Advance(TimeSpan.FromHours(1));
        await app.WriteReviewAsync(Guid.NewGuid(), elsewhere.Id);

        var recent = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>()
            .GetRecentlyReviewedAsync(TestCatalogue.UniversityA, [older.Id, newer.Id], 5));
        recent.Select(r => r.Figures.ModuleId).ShouldBe([newer.Id, older.Id]);
        recent[0].Figures.ReviewCount.ShouldBe(1);

        var reviewed = await app.AsAsync(null, sp => sp.GetRequiredService<IModuleRankings>().GetReviewedModulesAsync(student, [older.Id, newer.Id]));
        reviewed.ShouldBe([older.Id]);
    }
}
