using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

/// <summary>Who may vote on and report a review: members and staff of its university, never its author.</summary>
public sealed class CommunityRulesTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private Task<VoteResult> VoteAsync(System.Security.Claims.ClaimsPrincipal user, Guid review, VoteKind? kind = VoteKind.Helpful) =>
        app.AsAsync(user, sp => sp.GetRequiredService<VoteService>().VoteAsync(review, kind));

    private Task ReportAsync(System.Security.Claims.ClaimsPrincipal user, Guid review, ReportReason reason = ReportReason.Spam) =>
        app.AsAsync(user, sp => sp.GetRequiredService<ReportService>().ReportAsync(review, reason));

    private Task<(int Score, bool Hidden, int Votes, int Reports)> StateAsync(Guid review) =>
        app.DbAsync(async db => (
            await db.Reviews.Where(r => r.Id == review).Select(r => r.Score).SingleAsync(),
            await db.Reviews.Where(r => r.Id == review).Select(r => r.IsHidden).SingleAsync(),
            await db.Votes.CountAsync(v => v.ReviewId == review),
            await db.Reports.CountAsync(r => r.ReviewId == review)));

    [Fact]
    public async Task A_student_of_another_university_can_neither_vote_on_nor_report_a_review()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var outsider = TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityA);

        (await Should.ThrowAsync<BusinessException>(() => VoteAsync(outsider, review))).Code.ShouldBe("Reviews:NotMember");
        (await Should.ThrowAsync<BusinessException>(() => ReportAsync(outsider, review, ReportReason.IdentifyingInformation))).Code.ShouldBe("Reviews:NotMember");
        (await Should.ThrowAsync<BusinessException>(() => VoteAsync(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityA), review)))
            .Code.ShouldBe("Reviews:NotMember");

        // One "identifying information" report from an outsider hid the review at once before this rule.
        (await StateAsync(review)).ShouldBe((0, false, 0, 0));
    }

    [Fact]
    public async Task Members_staff_and_admins_vote_and_report()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);

        (await VoteAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), review)).Score.ShouldBe(1);
        (await VoteAsync(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityB), review)).Score.ShouldBe(2);
        (await VoteAsync(TestPrincipals.Admin(Guid.NewGuid()), review)).Score.ShouldBe(3);
        await ReportAsync(TestPrincipals.Student(Guid.NewGuid(), TestCatalogue.UniversityB), review);
        (await StateAsync(review)).ShouldBe((3, false, 3, 1));
    }

    [Fact]
    public async Task Nobody_votes_on_their_own_review_and_writing_one_counts_no_vote()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = Guid.NewGuid();
        var review = await app.WriteReviewAsync(author, module.Id);
        (await StateAsync(review)).ShouldBe((0, false, 0, 0));

        (await Should.ThrowAsync<BusinessException>(() => VoteAsync(TestPrincipals.Student(author), review))).Code.ShouldBe("Reviews:CannotVoteOwn");
        (await Should.ThrowAsync<BusinessException>(() => VoteAsync(TestPrincipals.Student(author), review, VoteKind.NotHelpful))).Code.ShouldBe("Reviews:CannotVoteOwn");
        (await StateAsync(review)).ShouldBe((0, false, 0, 0));
    }

    [Fact]
    public async Task A_vote_cast_before_the_rules_can_still_be_taken_back()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = Guid.NewGuid();
        await VoteAsync(TestPrincipals.Student(voter, TestCatalogue.UniversityB), review);

        // The voter moved to another university since: they may withdraw the vote but not cast a new one.
        var moved = TestPrincipals.Student(voter, TestCatalogue.UniversityA);
        (await Should.ThrowAsync<BusinessException>(() => VoteAsync(moved, review, VoteKind.NotHelpful))).Code.ShouldBe("Reviews:NotMember");
        (await VoteAsync(moved, review, null)).Score.ShouldBe(0);
        (await StateAsync(review)).ShouldBe((0, false, 0, 0));
    }
}
