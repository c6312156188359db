using Microsoft.EntityFrameworkCore;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Events;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;
using RateMyModule.Notifications.Mail;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.EventHandlers;

/// <summary>
/// A moderator hid, restored or deleted a review: its author gets a notification with the outcome and the report
/// category, and a mail unless they turned those off. Runs in the deciding transaction.
/// </summary>
public sealed class ReviewModeratedHandler(NotificationsDbContext db, IBackgroundJobManager jobs, SiteAddress site) : ILocalEventHandler<ReviewModeratedEvent>
{
    public async Task HandleEventAsync(ReviewModeratedEvent eventData, CancellationToken cancellationToken)
    {
        var notification = new Notification
        {
            UserId = eventData.AuthorId,
            Kind = NotificationKind.ReviewModerated,
            ModuleId = eventData.ModuleId,
            ReviewId = eventData.ReviewId,
            Outcome = eventData.Outcome,
            Reason = eventData.Reason,
            CreationTime = eventData.ModeratedAt,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.Settings.AnyAsync(s => s.UserId == eventData.AuthorId && !s.ModerationEmails, cancellationToken))
        {
            await jobs.EnqueueAsync(new ModerationMailArgs(notification.Id, eventData.AuthorId, site.Current()), cancellationToken: cancellationToken);
        }
    }
}
