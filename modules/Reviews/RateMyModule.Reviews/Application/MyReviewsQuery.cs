using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>Where one of the author's own reviews stands with readers and moderators.</summary>
public enum MyReviewState
{
    /// <summary>Readers see it; nobody has reported it.</summary>
    Published,

    /// <summary>Readers still see it; someone reported it and moderators have not decided yet.</summary>
    Reported,

    /// <summary>Enough reports hid it until a moderator decides.</summary>
    HiddenAwaitingDecision,

    /// <summary>A moderator hid it.</summary>
    HiddenByModerator,
}

/// <param name="Decision">The last moderator's decision on it, if any; <paramref name="DecisionReasons"/> are the report categories it solved.</param>
/// <param name="OpenReasons">Categories of the reports still waiting for a moderator (who reported it is never shown).</param>
public sealed record MyReviewView(
    Guid Id,
    Guid ModuleId,
    string ModuleName,
    string ModuleCode,
    DateTimeOffset CreationTime,
    DateTimeOffset? LastModificationTime,
    int Overall,
    MyReviewState State,
    IReadOnlyList<ReportReason> OpenReasons,
    ModerationDecision? Decision,
    DateTimeOffset? DecidedAt,
    IReadOnlyList<ReportReason> DecisionReasons);

public sealed record MyReviewPage(IReadOnlyList<MyReviewView> Items, string? NextCursor);

/// <summary>
/// "My reviews": the signed-in user's reviews newest first (keyset-paged on creation time and id) with their
/// moderation state, and the modules of their courses they have not reviewed yet.
/// </summary>
public sealed class MyReviewsQuery(ReviewsDbContext db, ICatalogueLookup catalogue, IAccountLookup accounts)
{
    public async Task<MyReviewPage> GetPageAsync(Guid userId, string? after, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId);
        if (TryParseCursor(after, out var time, out var afterId))
        {
            query = query.Where(r => r.CreationTime < time || (r.CreationTime == time && r.Id.CompareTo(afterId) < 0));
        }

        var rows = await query.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id).Take(pageSize + 1)
            .Select(r => new { r.Id, r.ModuleId, r.CreationTime, r.LastModificationTime, r.Overall, r.IsHidden })
            .ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var openReports = await db.Reports.AsNoTracking().Where(p => ids.Contains(p.ReviewId) && p.SolvedAt == null)
            .Select(p => new { p.ReviewId, p.Reason }).ToListAsync(cancellationToken);
        var actions = await db.ModerationActions.AsNoTracking().Where(a => ids.Contains(a.ReviewId))
            .Select(a => new { a.ReviewId, a.Decision, a.CreationTime, a.Reasons }).ToListAsync(cancellationToken);
        var modules = (await catalogue.GetModulesAsync(rows.Select(r => r.ModuleId).Distinct().ToList(), cancellationToken)).ToDictionary(m => m.Id);

        var items = rows.Select(r =>
        {
            var open = openReports.Where(p => p.ReviewId == r.Id).Select(p => p.Reason).Distinct().Order().ToList();
            var last = actions.Where(a => a.ReviewId == r.Id).OrderByDescending(a => a.CreationTime).FirstOrDefault();
            var state = (r.IsHidden, open.Count > 0) switch
            {
                (true, true) => MyReviewState.HiddenAwaitingDecision,
                (true, false) => MyReviewState.HiddenByModerator,
                (false, true) => MyReviewState.Reported,
                _ => MyReviewState.Published,
            };
            modules.TryGetValue(r.ModuleId, out var module);
            return new MyReviewView(
                r.Id, r.ModuleId, module?.Name ?? "", module?.Code ?? "", r.CreationTime, r.LastModificationTime, r.Overall, state, open,
                last?.Decision, last?.CreationTime, ParseReasons(last?.Reasons));
        }).ToList();
        var cursor = hasMore
            ? string.Create(CultureInfo.InvariantCulture, $"{rows[^1].CreationTime.UtcTicks}_{rows[^1].Id:N}")
            : null;
        return new MyReviewPage(items, cursor);
    }

    /// <summary>Open modules of the user's courses that they have not reviewed, by name.</summary>
    public async Task<IReadOnlyList<ModuleDto>> GetModulesToReviewAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var courseIds = await accounts.GetEnrolledCourseIdsAsync(userId, cancellationToken);
        if (courseIds.Count == 0)
        {
            return [];
        }

        var modules = await catalogue.GetModulesOfCoursesAsync(courseIds, cancellationToken);
        var moduleIds = modules.Select(m => m.Id).ToList();
        var reviewed = await db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId).Select(r => r.ModuleId).ToListAsync(cancellationToken);
        var closed = await db.ClosedModules.AsNoTracking().Where(c => moduleIds.Contains(c.ModuleId)).Select(c => c.ModuleId).ToListAsync(cancellationToken);
        return modules
            .Where(m => !m.IsArchived && !reviewed.Contains(m.Id) && !closed.Contains(m.Id))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    private static List<ReportReason> ParseReasons(string? reasons) =>
        (reasons ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (ReportReason?)n : null)
            .Where(r => r is not null && Enum.IsDefined(r.Value))
            .Select(r => r!.Value)
            .ToList();

    private static bool TryParseCursor(string? cursor, out DateTimeOffset time, out Guid id)
    {
        time = default;
        id = Guid.Empty;
        var parts = (cursor ?? "").Split('_');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out id))
        {
            return false;
        }

        time = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }
}
