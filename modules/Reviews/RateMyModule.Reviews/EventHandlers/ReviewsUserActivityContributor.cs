using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.EventHandlers;

/// <summary>The reviews a user wrote, the votes they cast and the reports they made, for /Admin/Users/{id}.</summary>
public sealed class ReviewsUserActivityContributor(ReviewsDbContext db) : IUserActivityContributor
{
    public Type LocalizationResource => typeof(ReviewsResource);

    public async Task<IReadOnlyList<UserActivityCount>> CountAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var reviews = await db.Reviews.AsNoTracking().CountAsync(r => r.AuthorId == userId, cancellationToken);
        var votes = await db.Votes.AsNoTracking().CountAsync(v => v.UserId == userId, cancellationToken);
        var reports = await db.Reports.AsNoTracking().CountAsync(r => r.ReporterId == userId, cancellationToken);
        return
        [
            new("Activity:ReviewsWritten", reviews),
            new("Activity:VotesCast", votes),
            new("Activity:ReportsMade", reports),
        ];
    }
}
