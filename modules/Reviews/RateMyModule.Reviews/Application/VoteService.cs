using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public sealed record VoteResult(Guid ReviewId, int HelpfulCount, int NotHelpfulCount, int Score, VoteKind? MyVote);

/// <summary>Helpful / not helpful: one vote per user per review, changeable and removable, never both.</summary>
public sealed class VoteService(ReviewsDbContext db, ReviewsWriteGate gate, ReviewAccess access, TimeProvider clock)
{
    /// <param name="kind">The vote to hold from now on; null takes the vote back.</param>
    public async Task<VoteResult> VoteAsync(Guid reviewId, VoteKind? kind, CancellationToken cancellationToken = default)
    {
        var userId = access.RequireUserId();
        if (kind is { } given && !Enum.IsDefined(given))
        {
            throw new BusinessException("Reviews:VoteKindInvalid", "Choose helpful or not helpful.") { Field = "Kind" };
        }

        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || (review.IsHidden && !await access.CanModerateAsync(review.UniversityId, cancellationToken)))
        {
            throw new EntityNotFoundException("Review", reviewId);
        }

        // Taking a vote back is always allowed, so a vote cast before these rules can still be withdrawn.
        if (kind is not null)
        {
            if (review.AuthorId == userId)
            {
                throw new BusinessException("Reviews:CannotVoteOwn", "You cannot vote on your own review.");
            }

            access.RequireMemberOf(review.UniversityId);
        }

        var existing = await db.Votes.FirstOrDefaultAsync(v => v.ReviewId == reviewId && v.UserId == userId, cancellationToken);
        var helpful = 0;
        var notHelpful = 0;
        if (existing is not null && existing.Kind != kind)
        {
            Count(existing.Kind, -1, ref helpful, ref notHelpful);
            if (kind is { } changed)
            {
                existing.Kind = changed;
                Count(changed, +1, ref helpful, ref notHelpful);
            }
            else
            {
                db.Votes.Remove(existing);
            }
        }
        else if (existing is null && kind is { } added)
        {
            db.Votes.Add(new ReviewVote { ReviewId = reviewId, UserId = userId, Kind = added, CreationTime = clock.GetUtcNow() });
            Count(added, +1, ref helpful, ref notHelpful);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (helpful != 0 || notHelpful != 0)
        {
            await AdjustCountsAsync(reviewId, helpful, notHelpful, cancellationToken);
        }

        // The review was read behind the write gate, so until this commits only this vote changes its counters:
        // the new figures follow from it without reading them again.
        return new VoteResult(reviewId, review.HelpfulCount + helpful, review.NotHelpfulCount + notHelpful, review.Score + helpful - notHelpful, kind);
    }

    /// <summary>Counters change in SQL, not through the entity, so a vote never conflicts with the author's edit.</summary>
    internal Task AdjustCountsAsync(Guid reviewId, int helpful, int notHelpful, CancellationToken cancellationToken) =>
        db.Reviews.Where(r => r.Id == reviewId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.HelpfulCount, r => r.HelpfulCount + helpful)
                .SetProperty(r => r.NotHelpfulCount, r => r.NotHelpfulCount + notHelpful)
                .SetProperty(r => r.Score, r => r.Score + helpful - notHelpful),
            cancellationToken);

    private static void Count(VoteKind kind, int delta, ref int helpful, ref int notHelpful)
    {
        if (kind == VoteKind.Helpful)
        {
            helpful += delta;
        }
        else
        {
            notHelpful += delta;
        }
    }
}
