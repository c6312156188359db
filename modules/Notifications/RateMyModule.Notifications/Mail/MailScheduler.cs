using Microsoft.Extensions.Options;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Mail;

/// <summary>
/// Makes sure one follower mail job is queued for a user and cadence. A notification that arrives while one is
/// queued joins that mail; so a busy day's reviews become one mail. The schedule row and the job are written in the
/// caller's unit of work, so they commit with the review that caused them.
/// </summary>
public sealed class MailScheduler(NotificationsDbContext db, IBackgroundJobManager jobs, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public async Task EnsureQueuedAsync(Guid userId, FollowDelivery cadence, string siteUrl, CancellationToken cancellationToken)
    {
        if (cadence == FollowDelivery.Off)
        {
            return;
        }

        var schedule = await db.MailSchedules.FindAsync([userId, cadence], cancellationToken);
        if (schedule is null)
        {
            schedule = new MailSchedule { UserId = userId, Cadence = cadence };
            db.MailSchedules.Add(schedule);
        }
        else if (schedule.DueTime is not null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var due = DueTime(cadence, now, schedule.LastSentTime);
        schedule.DueTime = due;
        await db.SaveChangesAsync(cancellationToken);
        await jobs.EnqueueAsync(new FollowerMailArgs(userId, cadence, siteUrl), due - now, cancellationToken);
    }

    /// <summary>
    /// Immediate: after the gathering delay, but never sooner than the minimum interval after the last mail.
    /// Weekly: the next digest day and hour.
    /// </summary>
    public DateTimeOffset DueTime(FollowDelivery cadence, DateTimeOffset now, DateTimeOffset? lastSent)
    {
        var settings = options.Value;
        if (cadence == FollowDelivery.Immediate)
        {
            var gathered = now + settings.GatherDelay;
            var allowed = lastSent is { } last ? last + settings.MinimumInterval : gathered;
            return gathered > allowed ? gathered : allowed;
        }

        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddHours(settings.DigestHourUtc);
        var days = ((int)settings.DigestDay - (int)day.DayOfWeek + 7) % 7;
        var next = day.AddDays(days);
        return next > now ? next : next.AddDays(7);
    }
}
