using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Administration;

public enum AdminReviewSort
{
    Newest = 0,
    Oldest = 1,
    Highest = 2,
    Lowest = 3,
}

/// <param name="From">First day of the creation date range (inclusive), UTC.</param>
/// <param name="To">Last day of the creation date range (inclusive), UTC.</param>
/// <param name="After">Keyset cursor: the sort value and id of the last row of the previous page.</param>
public sealed record AdminReviewFilter(
    string? Text = null,
    Guid? UniversityId = null,
    Guid? ModuleId = null,
    int? Overall = null,
    bool? Hidden = null,
    bool? Reported = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AdminReviewSort Sort = AdminReviewSort.Newest,
    string? After = null);

public sealed record AdminReviewRow(
    Guid Id, Guid ModuleId, Guid UniversityId, string AuthorSnapshot, int Overall, string Text, DateTimeOffset CreationTime,
    bool IsHidden, int Score, int OpenReports);

public sealed record AdminReviewPage(IReadOnlyList<AdminReviewRow> Items, string? NextCursor);

/// <summary>
/// Every review in the user's moderation scope for /Admin/Reviews: filters, four sorts and keyset paging, two SQL
/// commands a page whatever its size or depth (the rows, then the open report counts of those rows).
/// </summary>
public sealed class AdminReviewQuery(ReviewsDbContext db, ReviewAccess access)
{
    public const int MaxPageSize = 100;

    public async Task<AdminReviewPage> GetPageAsync(AdminReviewFilter filter, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        var universities = await access.ModeratedUniversitiesAsync(ReviewsPermissions.Moderate, cancellationToken);
        if (universities is { Count: 0 })
        {
            throw new EntityNotFoundException("Page", "reviews");
        }

        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.Reviews.AsNoTracking();
        if (universities is not null)
        {
            // Asking for another university's reviews answers as if it had none.
            query = query.Where(r => universities.Contains(r.UniversityId));
        }

        if (filter.UniversityId is { } university)
        {
            query = query.Where(r => r.UniversityId == university);
        }

        if (filter.ModuleId is { } module)
        {
            query = query.Where(r => r.ModuleId == module);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var pattern = "%" + filter.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(r => EF.Functions.Like(r.Text, pattern, "\\") || EF.Functions.Like(r.AuthorSnapshot, pattern, "\\"));
        }

        if (filter.Overall is { } overall)
        {
            query = query.Where(r => r.Overall == overall);
        }

        if (filter.Hidden is { } hidden)
        {
            query = query.Where(r => r.IsHidden == hidden);
        }

        if (filter.Reported is { } reported)
        {
            query = query.Where(r => db.Reports.Any(p => p.ReviewId == r.Id && p.SolvedAt == null) == reported);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.CreationTime >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(r => r.CreationTime < end);
        }

        query = ApplyKeyset(query, filter.Sort, filter.After);
        query = filter.Sort switch
        {
            AdminReviewSort.Oldest => query.OrderBy(r => r.CreationTime).ThenBy(r => r.Id),
            AdminReviewSort.Highest => query.OrderByDescending(r => r.Overall).ThenByDescending(r => r.Id),
            AdminReviewSort.Lowest => query.OrderBy(r => r.Overall).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id),
        };

        var rows = await query.Take(pageSize + 1).ToListAsync(cancellationToken);
        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var ids = rows.Select(r => r.Id).ToList();
        var reports = ids.Count == 0
            ? []
            : await db.Reports.AsNoTracking().Where(p => ids.Contains(p.ReviewId) && p.SolvedAt == null)
                .GroupBy(p => p.ReviewId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var items = rows.Select(r => new AdminReviewRow(
            r.Id, r.ModuleId, r.UniversityId, r.AuthorSnapshot, r.Overall, r.Text, r.CreationTime, r.IsHidden, r.Score,
            reports.GetValueOrDefault(r.Id))).ToList();
        return new AdminReviewPage(items, more ? CursorOf(rows[^1], filter.Sort) : null);
    }

    /// <summary>The given reviews within scope (for a bulk action's confirmation), newest first.</summary>
    public async Task<IReadOnlyList<AdminReviewRow>> GetRowsAsync(IReadOnlyCollection<Guid> reviewIds, CancellationToken cancellationToken = default)
    {
        var universities = await access.ModeratedUniversitiesAsync(ReviewsPermissions.Moderate, cancellationToken);
        var ids = reviewIds.Distinct().Take(ModerationService.MaxBulk).ToList();
        var query = db.Reviews.AsNoTracking().Where(r => ids.Contains(r.Id));
        if (universities is not null)
        {
            query = query.Where(r => universities.Contains(r.UniversityId));
        }

        var rows = await query.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(p => ids.Contains(p.ReviewId) && p.SolvedAt == null)
            .GroupBy(p => p.ReviewId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(r => new AdminReviewRow(
            r.Id, r.ModuleId, r.UniversityId, r.AuthorSnapshot, r.Overall, r.Text, r.CreationTime, r.IsHidden, r.Score,
            reports.GetValueOrDefault(r.Id))).ToList();
    }

    private static IQueryable<Review> ApplyKeyset(IQueryable<Review> query, AdminReviewSort sort, string? cursor)
    {
        var parts = (cursor ?? "").Split('_');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return query;
        }

        switch (sort)
        {
            case AdminReviewSort.Oldest:
                var after = new DateTimeOffset(value, TimeSpan.Zero);
                return query.Where(r => r.CreationTime > after || (r.CreationTime == after && r.Id.CompareTo(id) > 0));
            case AdminReviewSort.Highest:
                var high = (int)value;
                return query.Where(r => r.Overall < high || (r.Overall == high && r.Id.CompareTo(id) < 0));
            case AdminReviewSort.Lowest:
                var low = (int)value;
                return query.Where(r => r.Overall > low || (r.Overall == low && r.Id.CompareTo(id) > 0));
            default:
                var before = new DateTimeOffset(value, TimeSpan.Zero);
                return query.Where(r => r.CreationTime < before || (r.CreationTime == before && r.Id.CompareTo(id) < 0));
        }
    }

    private static string CursorOf(Review review, AdminReviewSort sort)
    {
        var value = sort is AdminReviewSort.Highest or AdminReviewSort.Lowest ? review.Overall : review.CreationTime.UtcTicks;
        return string.Create(CultureInfo.InvariantCulture, $"{value}_{review.Id:N}");
    }
}
