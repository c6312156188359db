using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Caching;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

public sealed record StarCount(int Star, int Count, double Percentage);

public sealed record RatingDistribution(RatingDimension Dimension, int Total, double? Average, IReadOnlyList<StarCount> Stars);

/// <param name="Average">Null when the year has fewer than <see cref="ReviewLimits.TrendMinimumReviews"/> ratings.</param>
public sealed record TrendPoint(int AcademicYear, int Count, double? Average);

public sealed record RatingTrend(RatingDimension Dimension, IReadOnlyList<TrendPoint> Points);

public sealed record ModuleStatsView(
    Guid ModuleId,
    int ReviewCount,
    IReadOnlyList<RatingDistribution> Distributions,
    IReadOnlyList<int> YearsWithReviews,
    IReadOnlyList<RatingTrend> Trends);

/// <summary>
/// A module's charts from its aggregate rows: two small indexed reads, whatever the number of reviews, kept in the
/// <see cref="DataCache"/> until a change to the Reviews tables commits.
/// </summary>
public sealed class ModuleStatsQuery(ReviewsDbContext db, DataCache cache)
{
    public static readonly RatingDimension[] Dimensions = [RatingDimension.Overall, RatingDimension.Difficulty, RatingDimension.Assessment, RatingDimension.Teaching];

    public async Task<ModuleStatsView> GetAsync(Guid moduleId, IReadOnlyCollection<RatingDimension> trendDimensions, int? fromYear, int? toYear, CancellationToken cancellationToken = default)
    {
        var (cells, reviewCount) = await cache.GetOrReadAsync(DataCacheKey.For<ReviewsDbContext>($"reviews:stats:{moduleId}"), async ct =>
        {
            var counts = await db.RatingCounts.AsNoTracking().Where(c => c.ModuleId == moduleId && c.Count > 0).ToListAsync(ct);
            var reviews = await db.ModuleStats.AsNoTracking().Where(s => s.ModuleId == moduleId).Select(s => s.ReviewCount).FirstOrDefaultAsync(ct);
            return (counts, reviews);
        }, cancellationToken);
        var distributions = Dimensions.Select(d => Distribution(d, cells.Where(c => c.Dimension == d).ToList())).ToList();
        var years = cells.Where(c => c.Dimension == RatingDimension.Overall).Select(c => c.AcademicYear).Distinct().Order().ToList();
        var trends = new List<RatingTrend>();
        if (years.Count > 0)
        {
            var first = Math.Max(fromYear ?? years[0], years[0]);
            var last = Math.Min(toYear ?? years[^1], years[^1]);
            foreach (var dimension in trendDimensions)
            {
                var points = new List<TrendPoint>();
                for (var year = first; year <= last; year++)
                {
                    var ofYear = cells.Where(c => c.Dimension == dimension && c.AcademicYear == year).ToList();
                    var count = ofYear.Sum(c => c.Count);
                    double? average = count >= ReviewLimits.TrendMinimumReviews ? (double)ofYear.Sum(c => c.Star * c.Count) / count : null;
                    points.Add(new TrendPoint(year, count, average));
                }

                trends.Add(new RatingTrend(dimension, points));
            }
        }

        return new ModuleStatsView(moduleId, reviewCount, distributions, years, trends);
    }

    private static RatingDistribution Distribution(RatingDimension dimension, List<ModuleRatingCount> cells)
    {
        var total = cells.Sum(c => c.Count);
        var stars = Enumerable.Range(ReviewLimits.RatingMin, ReviewLimits.RatingMax)
            .Select(star =>
            {
                var count = cells.Where(c => c.Star == star).Sum(c => c.Count);
                return new StarCount(star, count, total == 0 ? 0 : 100.0 * count / total);
            })
            .ToList();
        double? average = total == 0 ? null : (double)cells.Sum(c => c.Star * c.Count) / total;
        return new RatingDistribution(dimension, total, average, stars);
    }
}
