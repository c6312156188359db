using Microsoft.EntityFrameworkCore;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>
/// Adds a review to, or takes it out of, its module's aggregate rows, in the caller's transaction. Every change of
/// a visible review's ratings, year or tags, of its visibility, or its existence goes through here.
/// </summary>
public sealed class ModuleStatsWriter(ReviewsDbContext db)
{
    public async Task AddAsync(Review review, CancellationToken cancellationToken) =>
        await ApplyAsync(await StoredRatingsAsync(review, cancellationToken), +1, cancellationToken);

    public async Task RemoveAsync(Review review, CancellationToken cancellationToken) =>
        await ApplyAsync(await StoredRatingsAsync(review, cancellationToken), -1, cancellationToken);

    /// <summary>
    /// The ratings as they are now, to take out later even if the entity has changed in between. The review's
    /// <see cref="Review.Tags"/> must be loaded.
    /// </summary>
    public static ReviewRatings RatingsOf(Review review) =>
        new(review.ModuleId, review.AcademicYear, review.Overall, review.Difficulty, review.Assessment, review.Teaching,
            review.Tags.Select(t => t.TagId).ToList());

    /// <summary>The ratings with the tags as saved, which callers that hide, show or delete a review have not loaded.</summary>
    private async Task<ReviewRatings> StoredRatingsAsync(Review review, CancellationToken cancellationToken)
    {
        var tagIds = await db.ReviewTags.Where(rt => rt.ReviewId == review.Id).Select(rt => rt.TagId).ToListAsync(cancellationToken);
        return RatingsOf(review) with { TagIds = tagIds };
    }

    public async Task ApplyAsync(ReviewRatings ratings, int sign, CancellationToken cancellationToken)
    {
        var stats = await db.ModuleStats.FirstOrDefaultAsync(s => s.ModuleId == ratings.ModuleId, cancellationToken);
        if (stats is null)
        {
            stats = new ModuleReviewStats { ModuleId = ratings.ModuleId };
            db.ModuleStats.Add(stats);
        }

        stats.ReviewCount += sign;
        stats.OverallSum += sign * ratings.Overall;
        if (ratings.Difficulty is { } difficulty)
        {
            stats.DifficultySum += sign * difficulty;
            stats.DifficultyCount += sign;
        }

        if (ratings.Assessment is { } assessment)
        {
            stats.AssessmentSum += sign * assessment;
            stats.AssessmentCount += sign;
        }

        if (ratings.Teaching is { } teaching)
        {
            stats.TeachingSum += sign * teaching;
            stats.TeachingCount += sign;
        }

        await AddCellAsync(ratings, RatingDimension.Overall, ratings.Overall, sign, cancellationToken);
        await AddCellAsync(ratings, RatingDimension.Difficulty, ratings.Difficulty, sign, cancellationToken);
        await AddCellAsync(ratings, RatingDimension.Assessment, ratings.Assessment, sign, cancellationToken);
        await AddCellAsync(ratings, RatingDimension.Teaching, ratings.Teaching, sign, cancellationToken);
        await AddTagCountsAsync(ratings, sign, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddTagCountsAsync(ReviewRatings ratings, int sign, CancellationToken cancellationToken)
    {
        if (ratings.TagIds.Count == 0)
        {
            return;
        }

        var counts = await db.TagCounts.Where(c => c.ModuleId == ratings.ModuleId && ratings.TagIds.Contains(c.TagId)).ToListAsync(cancellationToken);
        foreach (var tagId in ratings.TagIds.Distinct())
        {
            var count = counts.Find(c => c.TagId == tagId);
            if (count is null)
            {
                count = new ModuleTagCount { ModuleId = ratings.ModuleId, TagId = tagId };
                db.TagCounts.Add(count);
            }

            count.Count += sign;
        }
    }

    private async Task AddCellAsync(ReviewRatings ratings, RatingDimension dimension, int? star, int sign, CancellationToken cancellationToken)
    {
        if (star is not { } value)
        {
            return;
        }

        var key = new object[] { ratings.ModuleId, dimension, ratings.AcademicYear, value };
        var cell = await db.RatingCounts.FindAsync(key, cancellationToken);
        if (cell is null)
        {
            cell = new ModuleRatingCount { ModuleId = ratings.ModuleId, Dimension = dimension, AcademicYear = ratings.AcademicYear, Star = value };
            db.RatingCounts.Add(cell);
        }

        cell.Count += sign;
    }
}

public sealed record ReviewRatings(Guid ModuleId, int AcademicYear, int Overall, int? Difficulty, int? Assessment, int? Teaching, IReadOnlyList<Guid> TagIds);
