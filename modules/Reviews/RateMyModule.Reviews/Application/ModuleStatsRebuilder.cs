using Microsoft.EntityFrameworkCore;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Application;

/// <summary>
/// Recomputes modules' aggregate rows from their visible reviews in SQL. For bulk loads (demo data, benchmarks),
/// which insert reviews without going through <see cref="ModuleStatsWriter"/> one by one, and for tag merges.
/// </summary>
public sealed class ModuleStatsRebuilder(ReviewsDbContext db)
{
    public async Task RebuildAsync(IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().ToList();
        await db.RatingCounts.Where(c => ids.Contains(c.ModuleId)).ExecuteDeleteAsync(cancellationToken);
        await db.ModuleStats.Where(s => ids.Contains(s.ModuleId)).ExecuteDeleteAsync(cancellationToken);
        await db.TagCounts.Where(c => ids.Contains(c.ModuleId)).ExecuteDeleteAsync(cancellationToken);
        var visible = db.Reviews.AsNoTracking().Where(r => ids.Contains(r.ModuleId) && !r.IsHidden);
        var totals = await visible.GroupBy(r => r.ModuleId).Select(g => new ModuleReviewStats
        {
            ModuleId = g.Key,
            ReviewCount = g.Count(),
            OverallSum = g.Sum(r => r.Overall),
            DifficultySum = g.Sum(r => r.Difficulty ?? 0),
            DifficultyCount = g.Count(r => r.Difficulty != null),
            AssessmentSum = g.Sum(r => r.Assessment ?? 0),
            AssessmentCount = g.Count(r => r.Assessment != null),
            TeachingSum = g.Sum(r => r.Teaching ?? 0),
            TeachingCount = g.Count(r => r.Teaching != null),
        }).ToListAsync(cancellationToken);
        db.ModuleStats.AddRange(totals);
        await AddCellsAsync(visible.Select(r => new StarRow { ModuleId = r.ModuleId, AcademicYear = r.AcademicYear, Star = r.Overall }), RatingDimension.Overall, cancellationToken);
        await AddCellsAsync(visible.Where(r => r.Difficulty != null).Select(r => new StarRow { ModuleId = r.ModuleId, AcademicYear = r.AcademicYear, Star = r.Difficulty!.Value }), RatingDimension.Difficulty, cancellationToken);
        await AddCellsAsync(visible.Where(r => r.Assessment != null).Select(r => new StarRow { ModuleId = r.ModuleId, AcademicYear = r.AcademicYear, Star = r.Assessment!.Value }), RatingDimension.Assessment, cancellationToken);
        await AddCellsAsync(visible.Where(r => r.Teaching != null).Select(r => new StarRow { ModuleId = r.ModuleId, AcademicYear = r.AcademicYear, Star = r.Teaching!.Value }), RatingDimension.Teaching, cancellationToken);
        var tagCounts = await (
            from r in visible
            join rt in db.ReviewTags on r.Id equals rt.ReviewId
            group rt by new { r.ModuleId, rt.TagId } into g
            select new ModuleTagCount { ModuleId = g.Key.ModuleId, TagId = g.Key.TagId, Count = g.Count() }).ToListAsync(cancellationToken);
        db.TagCounts.AddRange(tagCounts);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Recounts one tag in every module, after a merge moved reviews onto it.</summary>
    public async Task RebuildTagAsync(Guid tagId, CancellationToken cancellationToken = default)
    {
        await db.TagCounts.Where(c => c.TagId == tagId).ExecuteDeleteAsync(cancellationToken);
        var counts = await (
            from rt in db.ReviewTags.AsNoTracking()
            join r in db.Reviews on rt.ReviewId equals r.Id
            where rt.TagId == tagId && !r.IsHidden
            group rt by r.ModuleId into g
            select new ModuleTagCount { ModuleId = g.Key, TagId = tagId, Count = g.Count() }).ToListAsync(cancellationToken);
        db.TagCounts.AddRange(counts);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task AddCellsAsync(IQueryable<StarRow> rows, RatingDimension dimension, CancellationToken cancellationToken)
    {
        var cells = await rows
            .GroupBy(r => new { r.ModuleId, r.AcademicYear, r.Star })
            .Select(g => new { g.Key.ModuleId, g.Key.AcademicYear, g.Key.Star, Count = g.Count() })
            .ToListAsync(cancellationToken);
        db.RatingCounts.AddRange(cells.Select(c => new ModuleRatingCount
        {
            ModuleId = c.ModuleId,
            Dimension = dimension,
            AcademicYear = c.AcademicYear,
            Star = c.Star,
            Count = c.Count,
        }));
    }

    private sealed class StarRow
    {
        public Guid ModuleId { get; init; }

        public int AcademicYear { get; init; }

        public int Star { get; init; }
    }
}
