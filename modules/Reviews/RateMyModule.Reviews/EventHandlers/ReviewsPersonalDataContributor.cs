using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.EventHandlers;

/// <summary>The user's reviews (with their history), votes and reports, for "download my data".</summary>
public sealed class ReviewsPersonalDataContributor(ReviewsDbContext db) : IPersonalDataContributor
{
    public string SectionName => "reviews";

    public async Task<object> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.AuthorId == userId)
            .Select(r => new
            {
                r.Id,
                r.ModuleId,
                r.Overall,
                r.Difficulty,
                r.Assessment,
                r.Teaching,
                r.Text,
                r.AcademicYear,
                r.AuthorSnapshot,
                r.CreationTime,
                r.LastModificationTime,
                r.IsHidden,
                Tags = r.Tags.Select(t => t.Tag!.Name).ToList(),
                Revisions = r.Revisions.Select(v => new { v.ReplacedAt, v.Overall, v.Difficulty, v.Assessment, v.Teaching, v.Text, v.AcademicYear, v.TagNames }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var votes = await db.Votes.AsNoTracking().Where(v => v.UserId == userId)
            .Select(v => new { v.ReviewId, Vote = v.Kind.ToString(), v.CreationTime }).ToListAsync(cancellationToken);
        var reports = await db.Reports.AsNoTracking().Where(r => r.ReporterId == userId)
            .Select(r => new { r.ReviewId, Reason = r.Reason.ToString(), r.CreationTime, r.SolvedAt }).ToListAsync(cancellationToken);
        return new { reviews, votes, reports };
    }
}
