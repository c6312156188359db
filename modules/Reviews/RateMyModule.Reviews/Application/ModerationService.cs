using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public sealed record ReportView(Guid ReporterId, ReportReason Reason, DateTimeOffset CreationTime, bool ReporterIsSuspicious);

public sealed record ModerationQueueItem(
    Guid ReviewId,
    Guid ModuleId,
    Guid UniversityId,
    string AuthorSnapshot,
    DateTimeOffset CreationTime,
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
    TimeProvider clock,
    ILocalEventBus events)
{
    /// <summary>The most reviews one bulk action changes, so a request stays one short transaction.</summary>
    public const int MaxBulk = 100;

    /// <summary>
    /// Reviews with unsolved reports, most reported first, optionally of one university (another university than the
    /// moderator's answers as an empty queue). Throws not-found for users who moderate nothing.
    /// </summary>
    public async Task<IReadOnlyList<ModerationQueueItem>> GetQueueAsync(Guid? universityId = null, CancellationToken cancellationToken = default)
    {
        var universities = await RequireScopeAsync(cancellationToken);
        var open = db.Reports.AsNoTracking().Where(r => r.SolvedAt == null);
        var reviewQuery = db.Reviews.AsNoTracking().Where(r => open.Any(o => o.ReviewId == r.Id));
        if (universities is not null)
        {
            reviewQuery = reviewQuery.Where(r => universities.Contains(r.UniversityId));
        }

        if (universityId is { } university)
        {
            reviewQuery = reviewQuery.Where(r => r.UniversityId == university);
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
                i.Review.Id, i.Review.ModuleId, i.Review.UniversityId, i.Review.AuthorSnapshot, i.Review.CreationTime, i.Review.Text, i.Review.Overall, i.Review.IsHidden,
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
            throw new BusinessException("Reviews:DecisionInvalid", "Choose dismiss, hide, un-hide or delete.") { Field = "Decision" };
        }

        await gate.EnterAsync(cancellationToken);
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || !await access.CanModerateAsync(review.UniversityId, cancellationToken))
        {
            throw new EntityNotFoundException("Review", reviewId);
        }

        note = CheckNote(note);
        await ApplyAsync(review, decision, note, moderatorId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// One decision for many reviews of the admin reviews list, each with its own audit entry. All or nothing: a
    /// review that is missing or out of scope refuses the whole request before anything changes.
    /// </summary>
    public async Task<int> DecideManyAsync(IReadOnlyCollection<Guid> reviewIds, ModerationDecision decision, string? note, CancellationToken cancellationToken = default)
    {
        var moderatorId = access.RequireUserId();
        var ids = reviewIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new BusinessException("Reviews:NothingSelected", "Choose at least one review.") { Field = "ReviewIds" };
        }

        if (ids.Count > MaxBulk)
        {
            throw new BusinessException("Reviews:TooManySelected", "Choose at most {0} reviews at a time.", MaxBulk) { Field = "ReviewIds" };
        }

        note = CheckNote(note);
        if (decision == ModerationDecision.Delete && note.Length == 0)
        {
            throw new BusinessException("Reviews:NoteRequired", "Say why these reviews are deleted: the note is kept in the audit trail.") { Field = "Note" };
        }

        await gate.EnterAsync(cancellationToken);
        var universities = await RequireScopeAsync(cancellationToken);
        var query = db.Reviews.Where(r => ids.Contains(r.Id));
        if (universities is not null)
        {
            query = query.Where(r => universities.Contains(r.UniversityId));
        }

        var found = await query.ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            throw new EntityNotFoundException("Review", ids.First(id => found.All(r => r.Id != id)));
        }

        var now = clock.GetUtcNow();
        foreach (var review in found)
        {
            await ApplyAsync(review, decision, note, moderatorId, now, cancellationToken);
        }

        return found.Count;
    }

    private static string CheckNote(string? note)
    {
        note = (note ?? "").Trim();
        if (note.Length > ReviewLimits.NoteMax)
        {
            throw new BusinessException("Reviews:NoteLength", "A note can be at most 500 characters.", ReviewLimits.NoteMax) { Field = "Note" };
        }

        return note;
    }

    private async Task ApplyAsync(Review review, ModerationDecision decision, string note, Guid moderatorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The reports' reasons are copied to the audit entry: deleting the review deletes its reports.
        var open = await db.Reports.Where(r => r.ReviewId == review.Id && r.SolvedAt == null).Select(r => r.Reason).ToListAsync(cancellationToken);
        var wasHidden = review.IsHidden;
        var reason = MostReported(open);
        db.ModerationActions.Add(new ModerationAction
        {
            ReviewId = review.Id,
            ModuleId = review.ModuleId,
            UniversityId = review.UniversityId,
            ModeratorId = moderatorId,
            Decision = decision,
            Note = note,
            ReporterCount = open.Count,
            Reasons = string.Join(',', open.Distinct().Order().Select(r => (int)r)),
            CreationTime = now,
        });
        if (open.Count > 0)
        {
            await db.Reports.Where(r => r.ReviewId == review.Id && r.SolvedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SolvedAt, now), cancellationToken);
        }

        switch (decision)
        {
            case ModerationDecision.Dismiss or ModerationDecision.Unhide when review.IsHidden:
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

        ReviewModerationOutcome? outcome = decision switch
        {
            ModerationDecision.Hide when !wasHidden => ReviewModerationOutcome.Hidden,
            ModerationDecision.Dismiss or ModerationDecision.Unhide when wasHidden => ReviewModerationOutcome.Restored,
            ModerationDecision.Delete => ReviewModerationOutcome.Deleted,
            _ => null,
        };
        if (outcome is { } done)
        {
            await events.PublishAsync(new ReviewModeratedEvent(review.Id, review.ModuleId, review.AuthorId, done, reason, now), cancellationToken);
        }
    }

    /// <summary>The category most of the review's open reports named (ties: the lowest category), or null without reports.</summary>
    private static ReportReason? MostReported(List<ReportReason> reasons) =>
        reasons.Count == 0 ? null : reasons.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

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
