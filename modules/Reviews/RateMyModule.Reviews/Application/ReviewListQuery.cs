using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Caching;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public enum ReviewSort
{
    Newest = 0,
    MostHelpful = 1,
    Highest = 2,
    Lowest = 3,
}

/// <param name="After">The keyset cursor of the last review of the previous page ("value_id").</param>
public sealed record ReviewFilter(
    string? Text = null,
    int? Overall = null,
    int? AcademicYear = null,
    IReadOnlyList<Guid>? TagIds = null,
    ReviewSort Sort = ReviewSort.Newest,
    string? After = null);

public sealed record ReviewTagView(Guid Id, string Name, TagKind Kind, bool IsVerified);

public sealed record ReviewView(
    Guid Id,
    Guid ModuleId,
    string AuthorSnapshot,
    int Overall,
    int? Difficulty,
    int? Assessment,
    int? Teaching,
    string Text,
    int AcademicYear,
    DateTimeOffset CreationTime,
    bool IsEdited,
    int HelpfulCount,
    int NotHelpfulCount,
    int Score,
    bool IsHidden,
    bool IsMine,
    VoteKind? MyVote,
    IReadOnlyList<ReviewTagView> Tags,
    IReadOnlyList<ReviewRevisionView>? History = null);

/// <summary>An earlier version of a review, as it read until <paramref name="ReplacedAt"/>.</summary>
public sealed record ReviewRevisionView(DateTimeOffset ReplacedAt, int Overall, string Text);

public sealed record ReviewPage(IReadOnlyList<ReviewView> Items, string? NextCursor);

/// <summary>
/// A module's review list: filters, four sorts, and keyset paging (each page continues after the last key, so the
/// cost of page 100 is the cost of page 1). Hidden reviews appear only for the module's moderators. A page's
/// reviews and tags are the same for every reader of one kind (moderator or not), so they are kept in the
/// <see cref="DataCache"/> until a Reviews change commits; only the reader's own votes and edit history are added.
/// </summary>
public sealed class ReviewListQuery(ReviewsDbContext db, ReviewAccess access, DataCache cache)
{
    public async Task<ReviewPage> GetPageAsync(Guid moduleId, Guid universityId, ReviewFilter filter, int pageSize, CancellationToken cancellationToken = default)
    {
        var moderator = await access.CanModerateAsync(universityId, cancellationToken);
        var key = string.Create(CultureInfo.InvariantCulture,
            $"reviews:list:{moduleId:N}:{moderator}:{pageSize}:{filter.Sort}:{filter.After}:{filter.Overall}:{filter.AcademicYear}:{string.Join(',', filter.TagIds ?? [])}:{filter.Text?.Trim()}");
        var shared = await cache.GetOrReadAsync(
            DataCacheKey.For<ReviewsDbContext>(key), ct => ReadPageAsync(moduleId, moderator, filter, pageSize, ct), cancellationToken);
        var views = await ToViewsAsync(shared.Rows, shared.Tags, moduleId, cancellationToken);
        return new ReviewPage(views, shared.NextCursor);
    }

    private async Task<SharedPage> ReadPageAsync(Guid moduleId, bool moderator, ReviewFilter filter, int pageSize, CancellationToken cancellationToken)
    {
        var query = await ModuleReviewsAsync(moduleId, filter.Text?.Trim() ?? "", cancellationToken);
        if (!moderator)
        {
            query = query.Where(r => !r.IsHidden);
        }

        if (filter.Overall is { } overall)
        {
            query = query.Where(r => r.Overall == overall);
        }

        if (filter.AcademicYear is { } year)
        {
            query = query.Where(r => r.AcademicYear == year);
        }

        foreach (var tagId in filter.TagIds ?? [])
        {
            query = query.Where(r => r.Tags.Any(t => t.TagId == tagId));
        }

        query = ApplyKeyset(query, filter.Sort, filter.After);
        query = filter.Sort switch
        {
            ReviewSort.MostHelpful => query.OrderByDescending(r => r.Score).ThenByDescending(r => r.Id),
            ReviewSort.Highest => query.OrderByDescending(r => r.Overall).ThenByDescending(r => r.Id),
            ReviewSort.Lowest => query.OrderBy(r => r.Overall).ThenBy(r => r.Id),
            _ => query.OrderByDescending(r => r.CreationTime).ThenByDescending(r => r.Id),
        };

        var rows = await query.Take(pageSize + 1).ToListAsync(cancellationToken);
        var hasMore = rows.Count > pageSize;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new SharedPage(rows, await TagsOfAsync(rows, cancellationToken), hasMore ? CursorOf(rows[^1], filter.Sort) : null);
    }

    /// <summary>The module's reviews, narrowed to those whose text contains <paramref name="text"/> when there is one.</summary>
    private async Task<IQueryable<Review>> ModuleReviewsAsync(Guid moduleId, string text, CancellationToken cancellationToken)
    {
        var reviews = db.Reviews.AsNoTracking();
        if (text.Length >= ReviewTextIndex.MinimumLength)
        {
            // From the full-text index. The reviews of a phrase few of them contain are fetched by key (the index
            // has kept only this module's), as cheap among a million reviews as among a hundred; a common phrase is
            // left to the module's index in page order, which meets a page of matches soon.
            var matching = ReviewTextIndex.Containing(db, moduleId, text);
            var few = await matching.Take(ReviewTextIndex.KeyLookupLimit + 1).ToListAsync(cancellationToken);
            return few.Count <= ReviewTextIndex.KeyLookupLimit
                ? reviews.Where(r => few.Contains(r.Id))
                : reviews.Where(r => r.ModuleId == moduleId && matching.Contains(r.Id));
        }

        reviews = reviews.Where(r => r.ModuleId == moduleId);
        if (text.Length > 0)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            reviews = reviews.Where(r => EF.Functions.Like(r.Text, pattern, "\\"));
        }

        return reviews;
    }

    public async Task<ReviewView?> GetAsync(Guid reviewId, CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        if (review is null || (review.IsHidden && !await access.CanModerateAsync(review.UniversityId, cancellationToken)))
        {
            return null;
        }

        return (await ToViewsAsync([review], await TagsOfAsync([review], cancellationToken), review.ModuleId, cancellationToken))[0];
    }

    private async Task<List<TagRow>> TagsOfAsync(List<Review> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        return await db.ReviewTags.AsNoTracking().Where(rt => ids.Contains(rt.ReviewId))
            .Select(rt => new TagRow(rt.ReviewId, rt.TagId, rt.Tag!.Name, rt.Tag.Kind, rt.Tag.IsVerified))
            .ToListAsync(cancellationToken);
    }

    private async Task<List<ReviewView>> ToViewsAsync(List<Review> rows, List<TagRow> tags, Guid moduleId, CancellationToken cancellationToken)
    {
        var me = access.UserId;
        var myVotes = me is { } userId && rows.Count > 0
            ? await VotesOfAsync(userId, moduleId, cancellationToken)
            : EmptyVotes;
        var history = await HistoryAsync(rows, me, cancellationToken);
        // An unverified tag is whatever someone typed: only its author and the university's staff see it, marked.
        var staffOf = new HashSet<Guid>();
        foreach (var university in rows.Select(r => r.UniversityId).Distinct())
        {
            if (await access.CanModerateAsync(university, cancellationToken))
            {
                staffOf.Add(university);
            }
        }

        var tagsOf = tags.ToLookup(t => t.ReviewId);
        return rows.Select(r => new ReviewView(
            r.Id, r.ModuleId, r.AuthorSnapshot, r.Overall, r.Difficulty, r.Assessment, r.Teaching, r.Text, r.AcademicYear,
            r.CreationTime, r.LastModificationTime is not null, r.HelpfulCount, r.NotHelpfulCount, r.Score, r.IsHidden,
            r.AuthorId == me,
            myVotes.TryGetValue(r.Id, out var vote) ? vote : null,
            tagsOf[r.Id].Where(t => t.IsVerified || r.AuthorId == me || staffOf.Contains(r.UniversityId)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(t => new ReviewTagView(t.TagId, t.Name, t.Kind, t.IsVerified)).ToList(),
            history.TryGetValue(r.Id, out var revisions) ? revisions : null)).ToList();
    }

    /// <summary>The user's votes on the module's reviews, kept until a Reviews change commits (a vote is one).</summary>
    private Task<IReadOnlyDictionary<Guid, VoteKind>> VotesOfAsync(Guid userId, Guid moduleId, CancellationToken cancellationToken) =>
        cache.GetOrReadAsync(
            DataCacheKey.For<ReviewsDbContext>($"reviews:votes:{userId:N}:{moduleId:N}"),
            async ct => (IReadOnlyDictionary<Guid, VoteKind>)await (
                from v in db.Votes.AsNoTracking()
                join r in db.Reviews on v.ReviewId equals r.Id
                where v.UserId == userId && r.ModuleId == moduleId
                select new { v.ReviewId, v.Kind }).ToDictionaryAsync(v => v.ReviewId, v => v.Kind, ct),
            cancellationToken);

    private static readonly IReadOnlyDictionary<Guid, VoteKind> EmptyVotes = new Dictionary<Guid, VoteKind>();

    /// <summary>Earlier versions, newest first, only of the reviews the user wrote or moderates (nobody else sees them).</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<ReviewRevisionView>>> HistoryAsync(List<Review> rows, Guid? me, CancellationToken cancellationToken)
    {
        var edited = rows.Where(r => r.LastModificationTime is not null).ToList();
        var moderated = new HashSet<Guid>();
        foreach (var university in edited.Where(r => r.AuthorId != me).Select(r => r.UniversityId).Distinct())
        {
            if (await access.CanModerateAsync(university, cancellationToken))
            {
                moderated.Add(university);
            }
        }

        var ids = edited.Where(r => r.AuthorId == me || moderated.Contains(r.UniversityId)).Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var revisions = await db.ReviewRevisions.AsNoTracking().Where(v => ids.Contains(v.ReviewId)).ToListAsync(cancellationToken);
        return revisions.GroupBy(v => v.ReviewId).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ReviewRevisionView>)g.OrderByDescending(v => v.ReplacedAt).Select(v => new ReviewRevisionView(v.ReplacedAt, v.Overall, v.Text)).ToList());
    }

    private static IQueryable<Review> ApplyKeyset(IQueryable<Review> query, ReviewSort sort, string? cursor)
    {
        if (!TryParseCursor(cursor, out var value, out var id))
        {
            return query;
        }

        switch (sort)
        {
            case ReviewSort.MostHelpful:
                var score = (int)value;
                return query.Where(r => r.Score < score || (r.Score == score && r.Id.CompareTo(id) < 0));
            case ReviewSort.Highest:
                var high = (int)value;
                return query.Where(r => r.Overall < high || (r.Overall == high && r.Id.CompareTo(id) < 0));
            case ReviewSort.Lowest:
                var low = (int)value;
                return query.Where(r => r.Overall > low || (r.Overall == low && r.Id.CompareTo(id) > 0));
            default:
                var time = new DateTimeOffset(value, TimeSpan.Zero);
                return query.Where(r => r.CreationTime < time || (r.CreationTime == time && r.Id.CompareTo(id) < 0));
        }
    }

    private static string CursorOf(Review review, ReviewSort sort)
    {
        var value = sort switch
        {
            ReviewSort.MostHelpful => review.Score,
            ReviewSort.Highest or ReviewSort.Lowest => review.Overall,
            _ => review.CreationTime.UtcTicks,
        };
        return string.Create(CultureInfo.InvariantCulture, $"{value}_{review.Id:N}");
    }

    /// <summary>A page as every reader of one kind sees it, before their own votes and history are added.</summary>
    private sealed record SharedPage(List<Review> Rows, List<TagRow> Tags, string? NextCursor);

    private sealed record TagRow(Guid ReviewId, Guid TagId, string Name, TagKind Kind, bool IsVerified);

    private static bool TryParseCursor(string? cursor, out long value, out Guid id)
    {
        value = 0;
        id = Guid.Empty;
        var parts = (cursor ?? "").Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && Guid.TryParseExact(parts[1], "N", out id);
    }
}
