using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public sealed record ReportView(Guid ReporterId, ReportReason Reason, DateTimeOffset CreationTime, bool ReporterIsSuspicious);

public sealed record ModerationQueueItem(
    Guid ReviewId,
    Guid ModuleId,
    Guid UniversityId,
    string Text,
    int Overall,
    bool IsHidden,
    bool AuthorIsSuspicious,
    IReadOnlyDictionary<ReportReason, int> ReasonCounts,
    IReadOnlyList<ReportView> Reports);

/// <summary>The moderation queue and decisions, scoped to the moderator's university (Admins see all).</summary>
public sealed class ModerationService(
    ReviewsDbContext db,
    ReviewsWriteGate gate,
    ReviewAccess access,
    ModuleStatsWriter stats,
    ReviewService reviews,
    TimeProvider clock)
{
    /// <summary>Reviews with unsolved reports, most reported first. Throws not-found for users who moderate nothing.</summary>
    public async Task<IReadOnlyList<ModerationQueueItem>> GetQueueAsync(CancellationToken cancellationToken = default)
    {
        var universities = await RequireScopeAsync(cancellationToken);
        var open = db.Reports.AsNoTracking().Where(r => r.SolvedAt == null);
        var reviewQuery = db.Reviews.AsNoTracking().Where(r => open.Any(o => o.ReviewId == r.Id));
        if (universities is not null)
        {
            reviewQuery = reviewQuery.Where(r => universities.Contains(r.UniversityId));
        }

        var items = await reviewQuery
            .Select(r => new { Review = r, Count = open.Count(o => o.ReviewId == r.Id) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.Review.Id)
            .Take(200)
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.Review.Id).ToList();
        var reports = await open.Where(r => ids.Contains(r.ReviewId)).OrderBy(r => r.CreationTime).ToListAsync(cancellationToken);
        var people = items.Select(i => i.Review.AuthorId).Concat(reports.Select(r => r.ReporterId)).Distinct().ToList();
        var suspicious = await SuspiciousAuthorsAsync(people, cancellationToken);
        return items.Select(i =>
        {
            var own = reports.Where(r => r.ReviewId == i.Review.Id).ToList();
            return new ModerationQueueItem(
                i.Review.Id, i.Review.ModuleId, i.Review.UniversityId, i.Review.Text, i.Review.Overall, i.Review.IsHidden,
                suspicious.Contains(i.Review.AuthorId),
                own.GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count()),
                own.Select(r => new ReportView(r.ReporterId, r.Reason, r.CreationTime, suspicious.Contains(r.ReporterId))).ToList());
        }).ToList();
    }

    /// <summary>Authors among <paramref name="userIds"/> with three or more unsolved reports across their reviews.</summary>
    public async Task<HashSet<Guid>> SuspiciousAuthorsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var flagged = await db.Reports.AsNoTracking()
            .Where(r => r.SolvedAt == null)
            .Join(db.Reviews.Where(v => userIds.Contains(v.AuthorId)), r => r.ReviewId, v => v.Id, (r, v) => v.AuthorId)
            .GroupBy(a => a)
            .Where(g => g.Count() >= ReviewLimits.SuspiciousReportCount)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        return flagged.ToHashSet();
    }

    public async Task DecideAsync(Guid reviewId, ModerationDecision decision, string? note, CancellationToken cancellationToken = default)
    {
        var moderatorId = access.RequireUserId();
        if (!Enum.IsDefined(decision))
        {
            throw new BusinessException("Reviews:DecisionInvalid", "Choose dismiss, hide or delete.") { Field = "Decision" };
        }

        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || !await access.CanModerateAsync(review.UniversityId, cancellationToken))
        {
            throw new EntityNotFoundException("Review", reviewId);
        }

        note = (note ?? "").Trim();
        if (note.Length > ReviewLimits.NoteMax)
        {
            throw new BusinessException("Reviews:NoteLength", "A note can be at most 500 characters.", ReviewLimits.NoteMax) { Field = "Note" };
        }

        var now = clock.GetUtcNow();
        db.ModerationActions.Add(new ModerationAction
        {
            ReviewId = review.Id,
            ModuleId = review.ModuleId,
            UniversityId = review.UniversityId,
            ModeratorId = moderatorId,
            Decision = decision,
            Note = note,
            CreationTime = now,
        });
        await db.Reports.Where(r => r.ReviewId == reviewId && r.SolvedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.SolvedAt, now), cancellationToken);
        switch (decision)
        {
            case ModerationDecision.Dismiss when review.IsHidden:
                review.IsHidden = false;
                await db.SaveChangesAsync(cancellationToken);
                await stats.AddAsync(review, cancellationToken);
                break;
            case ModerationDecision.Hide when !review.IsHidden:
                review.IsHidden = true;
                await db.SaveChangesAsync(cancellationToken);
                await stats.RemoveAsync(review, cancellationToken);
                break;
            case ModerationDecision.Delete:
                await db.SaveChangesAsync(cancellationToken);
                await reviews.RemoveAsync(review, cancellationToken);
                break;
            default:
                await db.SaveChangesAsync(cancellationToken);
                break;
        }
    }

    private async Task<IReadOnlyList<Guid>?> RequireScopeAsync(CancellationToken cancellationToken)
    {
        var universities = await access.ModeratedUniversitiesAsync(ReviewsPermissions.Moderate, cancellationToken);
        if (universities is { Count: 0 })
        {
            throw new EntityNotFoundException("Page", "moderation");
        }

        return universities;
    }
}
