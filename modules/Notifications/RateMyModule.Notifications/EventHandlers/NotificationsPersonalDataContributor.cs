using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Notifications.Data;

namespace RateMyModule.Notifications.EventHandlers;

/// <summary>The user's follows, settings and notifications, for "download my data".</summary>
public sealed class NotificationsPersonalDataContributor(NotificationsDbContext db) : IPersonalDataContributor
{
    public string SectionName => "notifications";

    public async Task<object> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var follows = (await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreationTime).ToListAsync(cancellationToken))
            .Select(f => new { f.ModuleId, Delivery = f.Delivery.ToString(), Since = f.CreationTime }).ToList();
        var stored = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        var settings = new { ModerationEmails = stored?.ModerationEmails ?? true };
        var notifications = (await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreationTime).ToListAsync(cancellationToken))
            .Select(n => new
            {
                Kind = n.Kind.ToString(),
                n.ModuleId,
                n.ReviewId,
                Outcome = n.Outcome?.ToString(),
                Reason = n.Reason?.ToString(),
                n.CreationTime,
                n.ReadTime,
                n.MailedTime,
            })
            .ToList();
        return new { follows, settings, notifications };
    }
}
