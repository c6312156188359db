using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class ReviewRulesTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private static ReviewInput Valid(int? overall = 4, string? text = "Fine module", int? year = 2024, params string[] tags) =>
        new(overall, null, null, null, text, year, tags);

    private Task<BusinessException> CreateFailsAsync(Guid moduleId, ReviewInput input, Guid? userId = null) =>
        Should.ThrowAsync<BusinessException>(() => app.AsAsync(TestPrincipals.Student(userId ?? Guid.NewGuid()),
            sp => sp.GetRequiredService<ReviewService>().CreateAsync(moduleId, input)));

    [Fact]
    public async Task A_review_keeps_the_author_snapshot_and_counts_in_the_module_aggregate()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var id = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5);

        var review = await app.DbAsync(db => db.Reviews.SingleAsync(r => r.Id == id));
        review.AuthorSnapshot.ShouldBe("a computer scientist | UoA");
        review.UniversityId.ShouldBe(TestCatalogue.UniversityA);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
        var summary = await app.AsAsync(null, sp => sp.GetRequiredService<IReviewStatistics>().GetModuleSummariesAsync([module.Id, Guid.Empty]));
        summary[module.Id].ShouldBe(new ModuleReviewSummary(module.Id, 1, 5.0));
        summary[Guid.Empty].ShouldBe(new ModuleReviewSummary(Guid.Empty, 0, null));
    }

    [Theory]
    [InlineData(null, "Fine", 2024, "Reviews:OverallRequired", "Overall")]
    [InlineData(0, "Fine", 2024, "Reviews:RatingRange", "Overall")]
    [InlineData(6, "Fine", 2024, "Reviews:RatingRange", "Overall")]
    [InlineData(3, "ab", 2024, "Reviews:TextLength", "Text")]
    [InlineData(3, "Fine", 2018, "Reviews:AcademicYearRange", "AcademicYear")]
    [InlineData(3, "Fine", 2027, "Reviews:AcademicYearRange", "AcademicYear")]
    [InlineData(3, "Fine", null, "Reviews:AcademicYearRange", "AcademicYear")]
    public async Task Invalid_input_is_refused_with_a_localization_key_and_the_field(int? overall, string text, int? year, string code, string field)
    {
        // The module started in 2019/20 and the clock says 1 September 2026: years 2019 to 2026 are allowed.
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var error = await CreateFailsAsync(module.Id, Valid(overall, text, year));
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }

    [Fact]
    public async Task Optional_ratings_outside_one_to_five_text_over_5000_and_too_many_tags_are_refused()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        (await CreateFailsAsync(module.Id, Valid() with { Teaching = 9 })).Field.ShouldBe("Teaching");
        (await CreateFailsAsync(module.Id, Valid(text: new string('x', 5001)))).Code.ShouldBe("Reviews:TextLength");
        (await CreateFailsAsync(module.Id, Valid(tags: Enumerable.Range(0, 11).Select(i => $"tag{i}").ToArray()))).Code.ShouldBe("Reviews:TooManyTags");
        var ok = await app.AsAsync(TestPrincipals.Student(Guid.NewGuid()), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(module.Id, Valid(text: "", year: 2026) with { Teaching = 5 }));
        ok.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void The_academic_year_turns_in_September()
    {
        AcademicYear.Of(new DateTimeOffset(2027, 8, 31, 23, 0, 0, TimeSpan.Zero)).ShouldBe(2026);
        AcademicYear.Of(new DateTimeOffset(2027, 9, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(2027);
        AcademicYear.Of(new DateOnly(2019, 9, 1)).ShouldBe(2019);
        AcademicYear.Label(2026).ShouldBe("2026/27");
    }

    [Fact]
    public async Task One_review_per_user_per_module_with_a_clear_message()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        await app.WriteReviewAsync(user, module.Id);
        (await CreateFailsAsync(module.Id, Valid(), user)).Code.ShouldBe("Reviews:AlreadyReviewed");
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_review_by_the_same_user()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        await app.WriteReviewAsync(user, module.Id);
        await Should.ThrowAsync<DbUpdateException>(() => app.DbAsync(async db =>
        {
            db.Reviews.Add(new Review { ModuleId = module.Id, AuthorId = user, UniversityId = module.UniversityId, Overall = 3, AcademicYear = 2024 });
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task Simultaneous_submissions_make_one_review_and_one_already_reviewed_message()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        var attempts = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            try
            {
                await app.WriteReviewAsync(user, module.Id);
                return "created";
            }
            catch (BusinessException e)
            {
                return e.Code;
            }
        }));
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(o => o == "created").ShouldBe(1);
        outcomes.Where(o => o != "created").ShouldAllBe(o => o == "Reviews:AlreadyReviewed");
        (await app.DbAsync(db => db.Reviews.CountAsync(r => r.ModuleId == module.Id))).ShouldBe(1);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
    }

    [Fact]
    public async Task Only_eligible_users_may_review()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        app.Accounts.Blocked[user] = true;
        (await CreateFailsAsync(module.Id, Valid(), user)).Code.ShouldBe("Reviews:NotEligible");
    }

    [Fact]
    public async Task An_archived_module_takes_no_new_reviews_until_restored_and_keeps_the_old_ones()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await app.AsAsync(null, sp => sp.GetRequiredService<ILocalEventBus>().PublishAsync(new ModuleArchivedEvent(module.Id, module.UniversityId)));

        (await CreateFailsAsync(module.Id, Valid())).Code.ShouldBe("Reviews:ModuleClosed");
        (await app.DbAsync(db => db.Reviews.CountAsync(r => r.ModuleId == module.Id))).ShouldBe(1);

        await app.AsAsync(null, sp => sp.GetRequiredService<ILocalEventBus>().PublishAsync(new ModuleRestoredEvent(module.Id, module.UniversityId)));
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        (await app.DbAsync(db => db.Reviews.CountAsync(r => r.ModuleId == module.Id))).ShouldBe(2);
    }

    [Fact]
    public async Task Editing_keeps_the_previous_version_and_moves_the_aggregate_and_deleting_removes_it()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        var id = await app.WriteReviewAsync(user, module.Id, overall: 2, text: "First words", year: 2022, "Java");
        await app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<ReviewService>()
            .UpdateAsync(id, new ReviewInput(5, 1, null, 4, "Second words", 2023, ["Python"])));

        var revision = await app.DbAsync(db => db.ReviewRevisions.SingleAsync(r => r.ReviewId == id));
        revision.Text.ShouldBe("First words");
        revision.Overall.ShouldBe(2);
        revision.TagNames.ShouldBe("Java");
        var review = await app.DbAsync(db => db.Reviews.Include(r => r.Tags).ThenInclude(t => t.Tag).SingleAsync(r => r.Id == id));
        review.Text.ShouldBe("Second words");
        review.Tags.Select(t => t.Tag!.Name).ShouldBe(["Python"]);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);

        // Someone else can neither edit nor delete it: to them it does not exist.
        await Should.ThrowAsync<EntityNotFoundException>(() => app.AsAsync(TestPrincipals.Student(Guid.NewGuid()),
            sp => sp.GetRequiredService<ReviewService>().DeleteAsync(id)));
        await app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<ReviewService>().DeleteAsync(id));
        (await app.DbAsync(db => db.Reviews.AnyAsync(r => r.Id == id))).ShouldBeFalse();
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
    }

    [Fact]
    public async Task The_maintained_aggregate_equals_a_recomputation_after_random_writes()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var random = new Random(42);
        var authors = new List<(Guid User, Guid Review)>();
        for (var step = 0; step < 60; step++)
        {
            var action = authors.Count == 0 ? 0 : random.Next(4);
            int? Optional() => random.Next(6) is var v and > 0 ? v : null;
            string[] tagPool = ["Java", "Maths", "Essays", "Group work"];
            var tags = tagPool.Where(_ => random.Next(2) == 0).ToList();
            var input = new ReviewInput(random.Next(1, 6), Optional(), Optional(), Optional(), "Some text", random.Next(2019, 2027), tags);
            switch (action)
            {
                case 0 or 1:
                    var user = Guid.NewGuid();
                    authors.Add((user, await app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<ReviewService>().CreateAsync(module.Id, input))));
                    break;
                case 2:
                    var edited = authors[random.Next(authors.Count)];
                    await app.AsAsync(TestPrincipals.Student(edited.User), sp => sp.GetRequiredService<ReviewService>().UpdateAsync(edited.Review, input));
                    break;
                default:
                    var gone = authors[random.Next(authors.Count)];
                    authors.Remove(gone);
                    await app.AsAsync(TestPrincipals.Student(gone.User), sp => sp.GetRequiredService<ReviewService>().DeleteAsync(gone.Review));
                    break;
            }
        }

        await app.AssertAggregateMatchesReviewsAsync(module.Id);
        var view = await app.AsAsync(null, sp => sp.GetRequiredService<ModuleStatsQuery>().GetAsync(module.Id, [RatingDimension.Overall], null, null));
        var reviews = await app.DbAsync(db => db.Reviews.AsNoTracking().Where(r => r.ModuleId == module.Id).ToListAsync());
        view.ReviewCount.ShouldBe(reviews.Count);
        view.Distributions[0].Average!.Value.ShouldBe(reviews.Average(r => r.Overall), 1e-9);
        foreach (var point in view.Trends[0].Points)
        {
            var ofYear = reviews.Where(r => r.AcademicYear == point.AcademicYear).ToList();
            point.Count.ShouldBe(ofYear.Count);
            if (ofYear.Count >= 3)
            {
                point.Average!.Value.ShouldBe(ofYear.Average(r => r.Overall), 1e-9);
            }
            else
            {
                point.Average.ShouldBeNull();
            }
        }
    }

    [Fact]
    public async Task Stats_of_modules_come_from_the_aggregate_rows_in_one_batch()
    {
        var first = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var second = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        await app.WriteReviewAsync(Guid.NewGuid(), first.Id, overall: 2);
        await app.WriteReviewAsync(Guid.NewGuid(), first.Id, overall: 5);
        await app.WriteReviewAsync(Guid.NewGuid(), second.Id, overall: 1);

        var summaries = await app.AsAsync(null, sp => sp.GetRequiredService<IReviewStatistics>().GetModuleSummariesAsync([first.Id, second.Id]));
        summaries[first.Id].ReviewCount.ShouldBe(2);
        summaries[first.Id].AverageOverall.ShouldBe(3.5);
        summaries[second.Id].AverageOverall.ShouldBe(1.0);

        // Delete the reviews behind the aggregate's back: the figures still come from the aggregate, not the reviews.
        await app.DbAsync(db => db.Reviews.Where(r => r.ModuleId == first.Id).ExecuteDeleteAsync());
        var again = await app.AsAsync(null, sp => sp.GetRequiredService<IReviewStatistics>().GetModuleSummariesAsync([first.Id]));
        again[first.Id].ReviewCount.ShouldBe(2);
    }
}
