using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class VoteTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    private Task<VoteResult> VoteAsync(Guid user, Guid review, VoteKind? kind) =>
        app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<VoteService>().VoteAsync(review, kind));

    [Fact]
    public async Task A_vote_can_be_changed_and_taken_back_and_is_never_both()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = Guid.NewGuid();

        (await VoteAsync(voter, review, VoteKind.Helpful)).ShouldBe(new VoteResult(review, 1, 0, 1, VoteKind.Helpful));
        (await VoteAsync(voter, review, VoteKind.Helpful)).ShouldBe(new VoteResult(review, 1, 0, 1, VoteKind.Helpful));
        (await VoteAsync(voter, review, VoteKind.NotHelpful)).ShouldBe(new VoteResult(review, 0, 1, -1, VoteKind.NotHelpful));
        (await VoteAsync(Guid.NewGuid(), review, VoteKind.NotHelpful)).Score.ShouldBe(-2);
        (await VoteAsync(voter, review, null)).ShouldBe(new VoteResult(review, 0, 1, -1, null));
        (await app.DbAsync(db => db.Votes.CountAsync(v => v.ReviewId == review && v.UserId == voter))).ShouldBe(0);
    }

    [Fact]
    public async Task Parallel_votes_from_one_user_leave_exactly_one_vote_and_matching_counts()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = Guid.NewGuid();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => VoteAsync(voter, review, i % 2 == 0 ? VoteKind.Helpful : VoteKind.NotHelpful))));

        var votes = await app.DbAsync(db => db.Votes.Where(v => v.ReviewId == review).ToListAsync());
        votes.Count.ShouldBe(1);
        var counts = await app.DbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => new { r.HelpfulCount, r.NotHelpfulCount, r.Score }).SingleAsync());
        (counts.HelpfulCount + counts.NotHelpfulCount).ShouldBe(1);
        counts.Score.ShouldBe(votes[0].Kind == VoteKind.Helpful ? 1 : -1);
    }

    [Fact]
    public async Task Visitors_cannot_vote()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var error = await Should.ThrowAsync<RateMyModule.Framework.Data.BusinessException>(() =>
            app.AsAsync(null, sp => sp.GetRequiredService<VoteService>().VoteAsync(review, VoteKind.Helpful)));
        error.Code.ShouldBe("Reviews:SignInRequired");
    }
}
