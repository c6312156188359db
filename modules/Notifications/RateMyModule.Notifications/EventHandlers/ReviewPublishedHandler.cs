using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.Events;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;
using RateMyModule.Notifications.Mail;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.EventHandlers;

/// <summary>
/// A new review: a notification for every follower of its module but its author, and a follower mail queued (or
/// joined) for those who want mail. Runs in the transaction that saved the review.
/// </summary>
public sealed class ReviewPublishedHandler(NotificationsDbContext db, MailScheduler mail, SiteAddress site) : ILocalEventHandler<ReviewPublishedEvent>
{
    public async Task HandleEventAsync(ReviewPublishedEvent eventData, CancellationToken cancellationToken)
    {
        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.ModuleId == eventData.ModuleId && f.UserId != eventData.AuthorId)
            .Select(f => new { f.UserId, f.Delivery })
            .ToListAsync(cancellationToken);
        if (followers.Count == 0)
        {
            return;
        }

        foreach (var follower in followers)
        {
            db.Notifications.Add(new Notification
            {
                UserId = follower.UserId,
                Kind = NotificationKind.NewReview,
                ModuleId = eventData.ModuleId,
                ReviewId = eventData.ReviewId,
                Overall = eventData.Overall,
                CreationTime = eventData.PublishedAt,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        var siteUrl = site.Current();
        foreach (var follower in followers.Where(f => f.Delivery != FollowDelivery.Off))
        {
            await mail.EnsureQueuedAsync(follower.UserId, follower.Delivery, siteUrl, cancellationToken);
        }
    }
}
