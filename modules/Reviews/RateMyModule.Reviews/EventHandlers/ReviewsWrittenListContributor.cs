using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Reviews.Data;

namespace RateMyModule.Reviews.EventHandlers;

/// <summary>The "Reviews written" column of /Admin/Users: the listed users' reviews, counted in one grouped query.</summary>
public sealed class ReviewsWrittenListContributor(ReviewsDbContext db) : IUserListCountContributor
{
    public Type LocalizationResource => typeof(ReviewsResource);

    public string LabelKey => "Activity:ReviewsWritten";

    public async Task<IReadOnlyDictionary<Guid, int>> CountAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        return await db.Reviews.AsNoTracking()
            .Where(r => userIds.Contains(r.AuthorId))
            .GroupBy(r => r.AuthorId)
            .Select(g => new { AuthorId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AuthorId, g => g.Count, cancellationToken);
    }
}
