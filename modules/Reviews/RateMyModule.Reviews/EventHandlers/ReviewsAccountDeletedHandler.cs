using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.EventHandlers;

/// <summary>Removes what a deleted user made — reviews, votes, reports — in the deleting transaction.</summary>
public sealed class ReviewsAccountDeletedHandler(
    ReviewsDbContext db,
    ReviewsWriteGate gate,
    ReviewService reviews,
    VoteService votes) : ILocalEventHandler<AccountDeletedEvent>
{
    public async Task HandleEventAsync(AccountDeletedEvent eventData, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        var userId = eventData.UserId;

        // Their votes leave the scores of other people's reviews first.
        var cast = await db.Votes.Where(v => v.UserId == userId).ToListAsync(cancellationToken);
        db.Votes.RemoveRange(cast);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var vote in cast)
        {
            var helpful = vote.Kind == VoteKind.Helpful ? -1 : 0;
            await votes.AdjustCountsAsync(vote.ReviewId, helpful, helpful == 0 ? -1 : 0, cancellationToken);
        }

        await db.Reports.Where(r => r.ReporterId == userId).ExecuteDeleteAsync(cancellationToken);
        foreach (var review in await db.Reviews.Where(r => r.AuthorId == userId).ToListAsync(cancellationToken))
        {
            await reviews.RemoveAsync(review, cancellationToken);
        }
    }
}
