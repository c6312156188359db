using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Framework.Events;
using RateMyModule.Notifications.Data;

namespace RateMyModule.Notifications.EventHandlers;

/// <summary>Removes a deleted user's follows, notifications, settings and mail schedules, in the deleting transaction.</summary>
public sealed class NotificationsAccountDeletedHandler(NotificationsDbContext db) : ILocalEventHandler<AccountDeletedEvent>
{
    public async Task HandleEventAsync(AccountDeletedEvent eventData, CancellationToken cancellationToken)
    {
        var userId = eventData.UserId;
        await db.Follows.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Settings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.MailSchedules.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
