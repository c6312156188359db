using Microsoft.EntityFrameworkCore;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.Application;

/// <summary>Catalogue figures from the aggregate rows: one query for any number of modules.</summary>
public sealed class ReviewStatistics(ReviewsDbContext db) : IReviewStatistics
{
    public async Task<IReadOnlyDictionary<Guid, ModuleReviewSummary>> GetModuleSummariesAsync(
        IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default)
    {
        var ids = moduleIds.Distinct().ToList();
        var rows = await db.ModuleStats.AsNoTracking()
            .Where(s => ids.Contains(s.ModuleId))
            .Select(s => new { s.ModuleId, s.ReviewCount, s.OverallSum })
            .ToListAsync(cancellationToken);
        var found = rows.ToDictionary(r => r.ModuleId);
        return ids.ToDictionary(
            id => id,
            id => found.TryGetValue(id, out var row) && row.ReviewCount > 0
                ? new ModuleReviewSummary(id, row.ReviewCount, (double)row.OverallSum / row.ReviewCount)
                : new ModuleReviewSummary(id, 0, null));
    }
}
