using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses;
using RateMyModule.Framework.Caching;
using RateMyModule.Framework.Users;
using RateMyModule.Notifications.Data;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.Application;

public sealed record NotificationView(
    Guid Id,
    NotificationKind Kind,
    Guid ModuleId,
    string ModuleName,
    int? Overall,
    ReviewModerationOutcome? Outcome,
    ReportReason? Reason,
    DateTimeOffset CreationTime,
    bool IsRead);

/// <summary>The current user's in-site notifications: the newest first, and how many are unread.</summary>
public sealed class NotificationInbox(IServiceProvider services, DataCache cache, ICurrentUser currentUser, ICatalogueLookup catalogue, TimeProvider clock)
{
    private NotificationsDbContext? _db;

    // Resolved on first use: the badge every page shows is usually a cache hit and opens nothing.
    private NotificationsDbContext db => _db ??= services.GetRequiredService<NotificationsDbContext>();

    public async Task<IReadOnlyList<NotificationView>> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } userId)
        {
            return [];
        }

        var latest = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreationTime).ThenByDescending(n => n.Id)
            .Take(NotificationLimits.ListSize)
            .ToListAsync(cancellationToken);
        var modules = (await catalogue.GetModulesAsync(latest.Select(n => n.ModuleId).Distinct().ToList(), cancellationToken)).ToDictionary(m => m.Id);
        return latest.Select(n => new NotificationView(
                n.Id, n.Kind, n.ModuleId, modules.TryGetValue(n.ModuleId, out var m) ? m.Name : "", n.Overall, n.Outcome, n.Reason, n.CreationTime, n.ReadTime is not null))
            .ToList();
    }

    /// <summary>
    /// Unread notifications, counted up to one past <see cref="NotificationLimits.UnreadCountCap"/> (shown as "99+");
    /// kept until a notification change commits, as every page's menu asks.
    /// </summary>
    public async Task<int> CountUnreadAsync(CancellationToken cancellationToken = default)
        => currentUser.Id is { } userId
            ? await cache.GetOrReadAsync(
                DataCacheKey.For<NotificationsDbContext>($"notifications:unread:{userId:N}"),
                // Any rows will do for a capped count; the order is the (UserId, ReadTime) index's own, so it costs no sort
                // and tells EF the limit is deliberate (it logs a warning on every unordered Take).
                ct => db.Notifications.Where(n => n.UserId == userId && n.ReadTime == null).OrderBy(n => n.ReadTime)
                    .Take(NotificationLimits.UnreadCountCap + 1).CountAsync(ct),
                cancellationToken)
            : 0;

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } userId)
        {
            return;
        }

        DateTimeOffset? now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadTime == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadTime, now), cancellationToken);
    }
}
