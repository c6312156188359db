using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Jobs;

namespace RateMyModule.Reviews.Application;

/// <summary>Reporting a review, and hiding it once enough different people did (or at once for identifying information).</summary>
public sealed class ReportService(
    ReviewsDbContext db,
    ReviewsWriteGate gate,
    ReviewAccess access,
    ModuleStatsWriter stats,
    IBackgroundJobManager jobs,
    IOptions<ReviewsOptions> options,
    TimeProvider clock)
{
    /// <summary>Moderators hear about new reports in one digest rather than one mail per report.</summary>
    public static readonly TimeSpan DigestDelay = TimeSpan.FromMinutes(15);

    public async Task ReportAsync(Guid reviewId, ReportReason reason, CancellationToken cancellationToken = default)
    {
        var userId = access.RequireUserId();
        if (!Enum.IsDefined(reason))
        {
            throw new BusinessException("Reviews:ReasonRequired", "Choose why you are reporting this review.") { Field = "Reason" };
        }

        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || (review.IsHidden && !await access.CanModerateAsync(review.UniversityId, cancellationToken)))
        {
            throw new EntityNotFoundException("Review", reviewId);
        }

        if (review.AuthorId == userId)
        {
            throw new BusinessException("Reviews:CannotReportOwn", "You cannot report your own review.");
        }

        access.RequireMemberOf(review.UniversityId);

        if (await db.Reports.AnyAsync(r => r.ReviewId == reviewId && r.ReporterId == userId, cancellationToken))
        {
            throw AlreadyReported();
        }

        db.Reports.Add(new ReviewReport { ReviewId = reviewId, ReporterId = userId, Reason = reason, CreationTime = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseErrors.IsConstraintViolation(e))
        {
            throw AlreadyReported();
        }

        var reporters = await db.Reports.CountAsync(r => r.ReviewId == reviewId && r.SolvedAt == null, cancellationToken);
        if (!review.IsHidden && (reason == ReportReason.IdentifyingInformation || reporters >= options.Value.HideThreshold))
        {
            review.IsHidden = true;
            await db.SaveChangesAsync(cancellationToken);
            await stats.RemoveAsync(review, cancellationToken);
        }

        await jobs.EnqueueAsync(new ModeratorDigestArgs(review.UniversityId), DigestDelay, cancellationToken);
    }

    private static BusinessException AlreadyReported() =>
        new("Reviews:AlreadyReported", "You have already reported this review. Moderators will look at it.");
}
