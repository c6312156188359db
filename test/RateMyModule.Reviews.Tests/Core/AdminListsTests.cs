using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>The admin reviews list (filters, keyset paging, bulk decisions) and the reports list, scoped by university.</summary>
public sealed class AdminListsTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private static readonly Guid ModeratorAId = Guid.NewGuid();
    private static readonly System.Security.Claims.ClaimsPrincipal ModeratorA = TestPrincipals.Moderator(ModeratorAId, TestCatalogue.UniversityA);

    private Task<AdminReviewPage> ListAsync(System.Security.Claims.ClaimsPrincipal user, AdminReviewFilter filter, int pageSize = 25) =>
        app.AsAsync(user, sp => sp.GetRequiredService<AdminReviewQuery>().GetPageAsync(filter, pageSize));

    private Task ReportAsync(Guid review, Guid university, ReportReason reason = ReportReason.Spam) =>
        app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), university), sp => sp.GetRequiredService<ReportService>().ReportAsync(review, reason));

    [Fact]
    public async Task The_reviews_list_filters_and_pages_by_keyset_within_the_moderators_university()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var other = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: i + 1, text: $"Listed review {i}"));
        }

        var elsewhere = await app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(other.Id, new ReviewInput(5, null, null, null, "Listed review elsewhere", 2024, [])));
        await ReportAsync(ids[1], TestCatalogue.UniversityA);

        var first = await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Sort: AdminReviewSort.Highest), pageSize: 2);
        first.Items.Select(r => r.Overall).ShouldBe([5, 4]);
        var second = await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Sort: AdminReviewSort.Highest, After: first.NextCursor), pageSize: 2);
        second.Items.Select(r => r.Overall).ShouldBe([3, 2]);
        var third = await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Sort: AdminReviewSort.Highest, After: second.NextCursor), pageSize: 2);
        third.Items.Select(r => r.Overall).ShouldBe([1]);
        third.NextCursor.ShouldBeNull();

        (await ListAsync(ModeratorA, new AdminReviewFilter(Text: "Listed review"))).Items.ShouldNotContain(r => r.Id == elsewhere);
        (await ListAsync(ModeratorA, new AdminReviewFilter(UniversityId: TestCatalogue.UniversityB))).Items.ShouldBeEmpty();
        (await ListAsync(TestPrincipals.Admin(Guid.NewGuid()), new AdminReviewFilter(Text: "Listed review elsewhere"))).Items.Single().Id.ShouldBe(elsewhere);
        var reported = await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Reported: true));
        reported.Items.Single().ShouldSatisfyAllConditions(r => r.Id.ShouldBe(ids[1]), r => r.OpenReports.ShouldBe(1));
        (await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Overall: 3))).Items.Single().Id.ShouldBe(ids[2]);
        (await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, Hidden: true))).Items.ShouldBeEmpty();
        var today = DateOnly.FromDateTime(app.Host.Clock.GetUtcNow().UtcDateTime);
        (await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, From: today.AddDays(1)))).Items.ShouldBeEmpty();
        (await ListAsync(ModeratorA, new AdminReviewFilter(ModuleId: module.Id, From: today.AddDays(-1), To: today))).Items.Count.ShouldBe(5);

        await Should.ThrowAsync<EntityNotFoundException>(() => ListAsync(TestPrincipals.Student(Guid.NewGuid()), new AdminReviewFilter()));
    }

    [Fact]
    public async Task A_page_of_twenty_five_reviews_runs_as_many_sql_commands_as_a_page_of_one()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        for (var i = 0; i < 30; i++)
        {
            var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: $"Counted review {i}");
            if (i % 3 == 0)
            {
                await ReportAsync(review, TestCatalogue.UniversityA);
            }
        }

        var filter = new AdminReviewFilter(ModuleId: module.Id);
        var warm = await ListAsync(ModeratorA, filter, pageSize: 25);
        using var recorder = SqlCommandRecorder.Start();
        var full = await ListAsync(ModeratorA, filter with { After = null }, pageSize: 25);
        var fullPage = recorder.Commands.Count;
        recorder.Clear();
        var deeper = await ListAsync(ModeratorA, filter with { After = warm.NextCursor }, pageSize: 25);
        var deeperPage = recorder.Commands.Count;
        recorder.Clear();
        var single = await ListAsync(ModeratorA, filter, pageSize: 1);

        full.Items.Count.ShouldBe(25);
        full.Items.Count(r => r.OpenReports > 0).ShouldBeGreaterThan(5);
        deeper.Items.Count.ShouldBe(5);
        single.Items.Count.ShouldBe(1);
        fullPage.ShouldBeLessThanOrEqualTo(3);
        deeperPage.ShouldBe(fullPage);
        recorder.Commands.Count.ShouldBe(fullPage);
    }

    [Fact]
    public async Task A_bulk_decision_writes_one_audit_entry_per_review_and_solves_their_reports()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var first = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var second = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await ReportAsync(first, TestCatalogue.UniversityA, ReportReason.AssignmentAnswers);
        var moderation = (Func<IServiceProvider, ModerationService>)(sp => sp.GetRequiredService<ModerationService>());

        (await app.AsAsync(ModeratorA, sp => moderation(sp).DecideManyAsync([first, second], ModerationDecision.Hide, "Exam answers"))).ShouldBe(2);
        (await app.DbAsync(db => db.Reviews.CountAsync(r => (r.Id == first || r.Id == second) && r.IsHidden))).ShouldBe(2);
        var actions = await app.DbAsync(db => db.ModerationActions.Where(a => a.ReviewId == first || a.ReviewId == second).ToListAsync());
        actions.Count.ShouldBe(2);
        actions.ShouldAllBe(a => a.Decision == ModerationDecision.Hide && a.Note == "Exam answers" && a.ModeratorId == ModeratorAId);
        actions.Single(a => a.ReviewId == first).ReporterCount.ShouldBe(1);
        (await app.DbAsync(db => db.Reports.CountAsync(r => r.ReviewId == first && r.SolvedAt == null))).ShouldBe(0);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);

        await app.AsAsync(ModeratorA, sp => moderation(sp).DecideManyAsync([first, second], ModerationDecision.Unhide, null));
        (await app.DbAsync(db => db.Reviews.CountAsync(r => (r.Id == first || r.Id == second) && r.IsHidden))).ShouldBe(0);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);

        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(ModeratorA, sp => moderation(sp).DecideManyAsync([first], ModerationDecision.Delete, " "))))
            .Code.ShouldBe("Reviews:NoteRequired");
        await app.AsAsync(ModeratorA, sp => moderation(sp).DecideManyAsync([first, second], ModerationDecision.Delete, "Duplicates"));
        (await app.DbAsync(db => db.Reviews.CountAsync(r => r.Id == first || r.Id == second))).ShouldBe(0);
        (await app.DbAsync(db => db.ModerationActions.CountAsync(a => a.ReviewId == first || a.ReviewId == second))).ShouldBe(6);
    }

    [Fact]
    public async Task A_bulk_decision_with_a_review_out_of_scope_changes_nothing()
    {
        var own = await app.WriteReviewAsync(Guid.NewGuid(), app.Catalogue.AddModule(TestCatalogue.UniversityA).Id);
        var other = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var foreign = await app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(other.Id, new ReviewInput(2, null, null, null, "", 2024, [])));

        await Should.ThrowAsync<EntityNotFoundException>(() => app.AsAsync(ModeratorA,
            sp => sp.GetRequiredService<ModerationService>().DecideManyAsync([own, foreign], ModerationDecision.Hide, null)));
        (await app.DbAsync(db => db.Reviews.CountAsync(r => (r.Id == own || r.Id == foreign) && r.IsHidden))).ShouldBe(0);
        (await app.DbAsync(db => db.ModerationActions.CountAsync(a => a.ReviewId == own || a.ReviewId == foreign))).ShouldBe(0);
    }

    [Fact]
    public async Task The_reports_list_shows_open_cases_then_the_decision_even_after_a_delete()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Reported for the list");
        await ReportAsync(review, TestCatalogue.UniversityA, ReportReason.Spam);
        await ReportAsync(review, TestCatalogue.UniversityA, ReportReason.FalseInformation);
        Task<ReportCasePage> CasesAsync(System.Security.Claims.ClaimsPrincipal user, bool open) =>
            app.AsAsync(user, sp => sp.GetRequiredService<ReportListQuery>().GetPageAsync(open, null, null, 100));

        var open = (await CasesAsync(ModeratorA, true)).Items.Single(c => c.ReviewId == review);
        open.ShouldSatisfyAllConditions(
            c => c.ReporterCount.ShouldBe(2),
            c => c.Reasons.ShouldBe([ReportReason.Spam, ReportReason.FalseInformation]),
            c => c.Text.ShouldBe("Reported for the list"),
            c => c.Decision.ShouldBeNull());
        (await CasesAsync(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB), true)).Items.ShouldNotContain(c => c.ReviewId == review);
        await Should.ThrowAsync<EntityNotFoundException>(() => CasesAsync(TestPrincipals.Student(Guid.NewGuid()), true));

        await app.AsAsync(ModeratorA, sp => sp.GetRequiredService<ModerationService>().DecideAsync(review, ModerationDecision.Delete, "Advert"));
        (await CasesAsync(ModeratorA, true)).Items.ShouldNotContain(c => c.ReviewId == review);
        var solved = (await CasesAsync(ModeratorA, false)).Items.Single(c => c.ReviewId == review);
        solved.ShouldSatisfyAllConditions(
            c => c.Decision.ShouldBe(ModerationDecision.Delete),
            c => c.ModeratorId.ShouldBe(ModeratorAId),
            c => c.Note.ShouldBe("Advert"),
            c => c.ReporterCount.ShouldBe(2),
            c => c.Reasons.ShouldBe([ReportReason.Spam, ReportReason.FalseInformation]),
            c => c.Text.ShouldBeNull());
    }

    [Fact]
    public async Task The_reports_list_pages_by_keyset()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var moderatorB = TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB);
        for (var i = 0; i < 3; i++)
        {
            await ReportAsync(await app.WriteReviewAsync(Guid.NewGuid(), module.Id), TestCatalogue.UniversityB);
        }

        var seen = new List<Guid>();
        string? after = null;
        do
        {
            var page = await app.AsAsync(moderatorB, sp => sp.GetRequiredService<ReportListQuery>().GetPageAsync(true, null, after, 1));
            page.Items.Count.ShouldBeLessThanOrEqualTo(1);
            seen.AddRange(page.Items.Select(c => c.ReviewId));
            after = page.NextCursor;
        }
        while (after is not null);

        seen.Count.ShouldBeGreaterThanOrEqualTo(3);
        seen.Distinct().Count().ShouldBe(seen.Count);
    }
}
