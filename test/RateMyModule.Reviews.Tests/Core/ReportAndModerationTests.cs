using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Jobs;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class ReportAndModerationTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private static readonly Guid ModeratorA = Guid.NewGuid();

    private Task ReportAsync(Guid user, Guid review, ReportReason reason = ReportReason.Spam, Guid? university = null) =>
        app.AsAsync(TestPrincipals.Student(user, university), sp => sp.GetRequiredService<ReportService>().ReportAsync(review, reason));

    private Task<bool> IsHiddenAsync(Guid review) => app.DbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.IsHidden).SingleAsync());

    private Task<ReviewView?> SeenByAsync(System.Security.Claims.ClaimsPrincipal? user, Guid review) =>
        app.AsAsync(user, sp => sp.GetRequiredService<ReviewListQuery>().GetAsync(review));

    [Fact]
    public async Task Nobody_reports_their_own_review_or_the_same_review_twice()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = Guid.NewGuid();
        var review = await app.WriteReviewAsync(author, module.Id);
        (await Should.ThrowAsync<BusinessException>(() => ReportAsync(author, review))).Code.ShouldBe("Reviews:CannotReportOwn");
        var reporter = Guid.NewGuid();
        await ReportAsync(reporter, review);
        (await Should.ThrowAsync<BusinessException>(() => ReportAsync(reporter, review, ReportReason.FalseInformation))).Code.ShouldBe("Reviews:AlreadyReported");
    }

    [Fact]
    public async Task Reports_from_two_distinct_users_hide_the_review_from_everyone_but_its_moderators()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await ReportAsync(Guid.NewGuid(), review);
        (await IsHiddenAsync(review)).ShouldBeFalse();
        await app.AssertAggregateMatchesReviewsAsync(module.Id);

        await ReportAsync(Guid.NewGuid(), review, ReportReason.BullyingOrHarassment);
        (await IsHiddenAsync(review)).ShouldBeTrue();
        await app.AssertAggregateMatchesReviewsAsync(module.Id);

        (await SeenByAsync(null, review)).ShouldBeNull();
        (await SeenByAsync(TestPrincipals.Student(Guid.NewGuid()), review)).ShouldBeNull();
        (await SeenByAsync(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB), review)).ShouldBeNull();
        (await SeenByAsync(TestPrincipals.Moderator(ModeratorA, TestCatalogue.UniversityA), review))!.IsHidden.ShouldBeTrue();
        (await SeenByAsync(TestPrincipals.Admin(Guid.NewGuid()), review)).ShouldNotBeNull();
    }

    [Fact]
    public async Task A_report_of_identifying_information_hides_at_once()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await ReportAsync(Guid.NewGuid(), review, ReportReason.IdentifyingInformation);
        (await IsHiddenAsync(review)).ShouldBeTrue();
    }

    [Fact]
    public async Task Dismiss_restores_hide_hides_and_delete_deletes_each_with_an_audited_note()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var moderator = TestPrincipals.Moderator(ModeratorA, TestCatalogue.UniversityA);
        var first = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var second = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var third = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        foreach (var review in new[] { first, second, third })
        {
            await ReportAsync(Guid.NewGuid(), review, ReportReason.IdentifyingInformation);
        }

        var queue = await app.AsAsync(moderator, sp => sp.GetRequiredService<ModerationService>().GetQueueAsync());
        queue.Select(q => q.ReviewId).ShouldContain(first);
        queue.Single(q => q.ReviewId == first).ReasonCounts[ReportReason.IdentifyingInformation].ShouldBe(1);

        await app.AsAsync(moderator, sp => sp.GetRequiredService<ModerationService>().DecideAsync(first, ModerationDecision.Dismiss, "Names a fictional person"));
        await app.AsAsync(moderator, sp => sp.GetRequiredService<ModerationService>().DecideAsync(second, ModerationDecision.Hide, "Phone number"));
        await app.AsAsync(moderator, sp => sp.GetRequiredService<ModerationService>().DecideAsync(third, ModerationDecision.Delete, "Full name"));

        (await IsHiddenAsync(first)).ShouldBeFalse();
        (await IsHiddenAsync(second)).ShouldBeTrue();
        (await app.DbAsync(db => db.Reviews.AnyAsync(r => r.Id == third))).ShouldBeFalse();
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
        var actions = await app.DbAsync(db => db.ModerationActions.Where(a => a.ModuleId == module.Id).ToListAsync());
        actions.Select(a => (a.Decision, a.Note, a.ModeratorId)).ShouldBe(
            [(ModerationDecision.Dismiss, "Names a fictional person", ModeratorA), (ModerationDecision.Hide, "Phone number", ModeratorA), (ModerationDecision.Delete, "Full name", ModeratorA)],
            ignoreOrder: true);
        (await app.AsAsync(moderator, sp => sp.GetRequiredService<ModerationService>().GetQueueAsync())).Select(q => q.ReviewId)
            .ShouldNotContain(first);
    }

    [Fact]
    public async Task Moderators_act_only_within_their_university_and_others_do_not_see_the_queue()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await ReportAsync(Guid.NewGuid(), review);

        var otherModerator = TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB);
        (await app.AsAsync(otherModerator, sp => sp.GetRequiredService<ModerationService>().GetQueueAsync())).Select(q => q.ReviewId).ShouldNotContain(review);
        await Should.ThrowAsync<EntityNotFoundException>(() => app.AsAsync(otherModerator,
            sp => sp.GetRequiredService<ModerationService>().DecideAsync(review, ModerationDecision.Delete, "")));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.AsAsync(TestPrincipals.Student(Guid.NewGuid()),
            sp => sp.GetRequiredService<ModerationService>().GetQueueAsync()));
        (await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<ModerationService>().GetQueueAsync()))
            .Select(q => q.ReviewId).ShouldContain(review);
        var universityAdmin = TestPrincipals.Create(Guid.NewGuid(), [RateMyModule.Accounts.AccountRoles.UniversityAdmin], TestCatalogue.UniversityA);
        (await app.AsAsync(universityAdmin, sp => sp.GetRequiredService<ModerationService>().GetQueueAsync()))
            .Select(q => q.ReviewId).ShouldContain(review);
    }

    [Fact]
    public async Task A_reviewer_with_three_unsolved_reports_is_flagged_as_suspicious()
    {
        var author = Guid.NewGuid();
        var reviews = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            reviews.Add(await app.WriteReviewAsync(author, app.Catalogue.AddModule(TestCatalogue.UniversityA).Id));
        }

        await ReportAsync(Guid.NewGuid(), reviews[0]);
        await ReportAsync(Guid.NewGuid(), reviews[1]);
        (await app.AsAsync(null, sp => sp.GetRequiredService<ModerationService>().SuspiciousAuthorsAsync([author]))).ShouldBeEmpty();
        await ReportAsync(Guid.NewGuid(), reviews[2]);
        (await app.AsAsync(null, sp => sp.GetRequiredService<ModerationService>().SuspiciousAuthorsAsync([author]))).ShouldContain(author);
        var queue = await app.AsAsync(TestPrincipals.Moderator(ModeratorA, TestCatalogue.UniversityA), sp => sp.GetRequiredService<ModerationService>().GetQueueAsync());
        queue.Single(q => q.ReviewId == reviews[0]).AuthorIsSuspicious.ShouldBeTrue();
    }

    [Fact]
    public async Task New_reports_reach_the_moderators_once_in_a_digest()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await ReportAsync(Guid.NewGuid(), review, ReportReason.AssignmentAnswers, TestCatalogue.UniversityB);
        var jobs = await app.Host.ScopeAsync(sp => sp.GetRequiredService<RateMyModule.Framework.FrameworkDbContext>().BackgroundJobs.CountAsync(j => j.JobName == "Reviews.ModeratorDigest"));
        jobs.ShouldBeGreaterThan(0);

        app.Email.Sent.Clear();
        await app.AsAsync(null, sp => sp.GetRequiredService<ModeratorDigestJob>().ExecuteAsync(new ModeratorDigestArgs(TestCatalogue.UniversityB), default));
        app.Email.Sent.Select(m => m.To).ShouldBe(["moderator@bangorisaf.ac.uk", "admin@example.test"], ignoreOrder: true);
        app.Email.Sent.First().TextBody.ShouldContain("1");
        var welsh = app.Email.Sent.Single(m => m.To == "moderator@bangorisaf.ac.uk");
        var english = app.Email.Sent.Single(m => m.To == "admin@example.test");
        welsh.Subject.ShouldBe("RateMyModule: 1 adroddiad newydd i'w cymedroli", "the moderator uses the site in Welsh");
        english.Subject.ShouldBe("RateMyModule: 1 new report(s) to moderate", "the admin never chose: the default, English");

        app.Email.Sent.Clear();
        await app.AsAsync(null, sp => sp.GetRequiredService<ModeratorDigestJob>().ExecuteAsync(new ModeratorDigestArgs(TestCatalogue.UniversityB), default));
        app.Email.Sent.ShouldBeEmpty();
    }
}
