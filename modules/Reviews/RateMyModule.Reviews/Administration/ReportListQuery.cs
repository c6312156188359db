using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Administration;

/// <summary>
/// One reported review: open (waiting for a decision) or solved (the decision, who took it, the note). A review
/// reported again after a decision makes a new case, so its history reads as a list of cases.
/// </summary>
/// <param name="Text">The review's text; null once the review was deleted.</param>
/// <param name="Date">Open: when it was last reported. Solved: when it was decided.</param>
public sealed record ReportCase(
    Guid ReviewId,
    Guid ModuleId,
    Guid UniversityId,
    string? Text,
    bool IsOpen,
    int ReporterCount,
    IReadOnlyList<ReportReason> Reasons,
    DateTimeOffset Date,
    ModerationDecision? Decision,
    Guid? ModeratorId,
    string? Note);

public sealed record ReportCasePage(IReadOnlyList<ReportCase> Items, string? NextCursor);

/// <summary>Open and solved reports for /Admin/Reports and GET /api/v1/reports, scoped like the moderation queue; keyset paged, newest first.</summary>
public sealed class ReportListQuery(ReviewsDbContext db, ReviewAccess access)
{
    public const int MaxPageSize = 100;

    public async Task<ReportCasePage> GetPageAsync(bool open, Guid? universityId, string? after, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        var universities = await access.ModeratedUniversitiesAsync(ReviewsPermissions.Moderate, cancellationToken);
        if (universities is { Count: 0 })
        {
            throw new EntityNotFoundException("Page", "reports");
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var (time, id) = ParseCursor(after);
        return open
            ? await OpenAsync(universities, universityId, time, id, pageSize, cancellationToken)
            : await SolvedAsync(universities, universityId, time, id, pageSize, cancellationToken);
    }

    private async Task<ReportCasePage> OpenAsync(
        IReadOnlyList<Guid>? universities, Guid? universityId, DateTimeOffset? time, Guid id, int pageSize, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking();
        if (universities is not null)
        {
            reviews = reviews.Where(r => universities.Contains(r.UniversityId));
        }

        if (universityId is { } university)
        {
            reviews = reviews.Where(r => r.UniversityId == university);
        }

        var cases =
            from p in db.Reports.AsNoTracking()
            where p.SolvedAt == null
            join r in reviews on p.ReviewId equals r.Id
            group p by p.ReviewId into g
            select new { ReviewId = g.Key, Count = g.Count(), Last = g.Max(x => x.CreationTime) };
        if (time is { } before)
        {
            cases = cases.Where(c => c.Last < before || (c.Last == before && c.ReviewId.CompareTo(id) < 0));
        }

        var rows = await cases.OrderByDescending(c => c.Last).ThenByDescending(c => c.ReviewId).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        var ids = rows.Select(r => r.ReviewId).ToList();
        var details = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.ModuleId, r.UniversityId, r.Text }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var reasons = await db.Reports.AsNoTracking().Where(p => ids.Contains(p.ReviewId) && p.SolvedAt == null)
            .Select(p => new { p.ReviewId, p.Reason }).Distinct().ToListAsync(cancellationToken);
        var items = rows.Select(c =>
        {
            var review = details[c.ReviewId];
            return new ReportCase(
                c.ReviewId, review.ModuleId, review.UniversityId, review.Text, true, c.Count,
                reasons.Where(x => x.ReviewId == c.ReviewId).Select(x => x.Reason).Order().ToList(), c.Last, null, null, null);
        }).ToList();
        return new ReportCasePage(items, more ? CursorOf(rows[^1].Last, rows[^1].ReviewId) : null);
    }

    private async Task<ReportCasePage> SolvedAsync(
        IReadOnlyList<Guid>? universities, Guid? universityId, DateTimeOffset? time, Guid id, int pageSize, CancellationToken cancellationToken)
    {
        var actions = db.ModerationActions.AsNoTracking().Where(a => a.ReporterCount > 0);
        if (universities is not null)
        {
            actions = actions.Where(a => universities.Contains(a.UniversityId));
        }

        if (universityId is { } university)
        {
            actions = actions.Where(a => a.UniversityId == university);
        }

        if (time is { } before)
        {
            actions = actions.Where(a => a.CreationTime < before || (a.CreationTime == before && a.Id.CompareTo(id) < 0));
        }

        var rows = await actions.OrderByDescending(a => a.CreationTime).ThenByDescending(a => a.Id).Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        rows = rows.Take(pageSize).ToList();
        var ids = rows.Select(a => a.ReviewId).Distinct().ToList();
        var texts = await db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Text, cancellationToken);
        var items = rows.Select(a => new ReportCase(
            a.ReviewId, a.ModuleId, a.UniversityId, texts.GetValueOrDefault(a.ReviewId), false, a.ReporterCount,
            a.Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => (ReportReason)int.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            a.CreationTime, a.Decision, a.ModeratorId, a.Note)).ToList();
        return new ReportCasePage(items, more ? CursorOf(rows[^1].CreationTime, rows[^1].Id) : null);
    }

    private static string CursorOf(DateTimeOffset time, Guid id) => string.Create(CultureInfo.InvariantCulture, $"{time.UtcTicks}_{id:N}");

    private static (DateTimeOffset? Time, Guid Id) ParseCursor(string? cursor)
    {
        var parts = (cursor ?? "").Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : (null, Guid.Empty);
    }
}
