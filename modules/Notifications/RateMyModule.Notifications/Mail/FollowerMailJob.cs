using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Notifications.Data;
using RateMyModule.Notifications.Domain;

namespace RateMyModule.Notifications.Mail;

[BackgroundJobName("Notifications.FollowerMail")]
public sealed record FollowerMailArgs(Guid UserId, FollowDelivery Cadence, string SiteUrl);

/// <summary>
/// One mail to one follower with every new review they have not been mailed about, of the modules they follow with
/// this cadence, in their language. The notifications are marked mailed in the same transaction as the mail is
/// queued, so a retried job sends nothing twice; a follow switched off in the meantime is simply left out.
/// </summary>
public sealed class FollowerMailJob(
    NotificationsDbContext db,
    IEmailRecipientLookup recipients,
    ICatalogueLookup catalogue,
    IEmailQueue email,
    UnsubscribeTokens tokens,
    IStringLocalizer<NotificationsResource> l,
    TimeProvider clock) : IBackgroundJob<FollowerMailArgs>
{
    public async Task ExecuteAsync(FollowerMailArgs args, CancellationToken cancellationToken)
    {
        // First, before this job's transaction reads anything: the first token of a process (or after a key rotation)
        // writes a new data-protection key on its own connection, which must commit before this transaction's snapshot.
        var allLink = Link(args, tokens.Create(new UnsubscribeRequest(args.UserId, UnsubscribeScope.AllFollows)));
        var schedule = await db.MailSchedules.FindAsync([args.UserId, args.Cadence], cancellationToken);
        if (schedule is not null)
        {
            schedule.DueTime = null;
        }

        var pending = await (from n in db.Notifications
                             join f in db.Follows on new { n.UserId, n.ModuleId } equals new { f.UserId, f.ModuleId }
                             where n.UserId == args.UserId && n.Kind == NotificationKind.NewReview && n.MailedTime == null && f.Delivery == args.Cadence
                             select n).ToListAsync(cancellationToken);
        var recipient = pending.Count == 0 ? null : (await recipients.GetEmailRecipientsAsync([args.UserId], cancellationToken)).GetValueOrDefault(args.UserId);
        if (recipient is null)
        {
            // Nothing new, or nowhere to write (no confirmed address): nothing is sent, and nothing piles up.
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var notification in pending)
        {
            notification.MailedTime = now;
        }

        if (schedule is not null)
        {
            schedule.LastSentTime = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        var modules = (await catalogue.GetModulesAsync(pending.Select(n => n.ModuleId).Distinct().ToList(), cancellationToken)).ToDictionary(m => m.Id);
        var message = MailCulture.In(recipient.Culture, () => Compose(args, recipient.Email, allLink, pending, modules));
        await email.EnqueueAsync(message, cancellationToken);
    }

    private static string Link(FollowerMailArgs args, string token) => $"{args.SiteUrl}/Notifications/Unsubscribe?token={Uri.EscapeDataString(token)}";

    private EmailMessage Compose(FollowerMailArgs args, string to, string allLink, List<Notification> pending, Dictionary<Guid, ModuleDto> modules)
    {
        var body = new StringBuilder()
            .AppendLine(l[args.Cadence == FollowDelivery.WeeklyDigest ? "Mail:DigestIntro" : "Mail:NewReviewsIntro"].Value)
            .AppendLine();
        foreach (var group in pending.GroupBy(n => n.ModuleId).OrderBy(g => modules.GetValueOrDefault(g.Key)?.Name, StringComparer.CurrentCulture))
        {
            var name = modules.TryGetValue(group.Key, out var module) ? $"{module.Name} ({module.Code})" : l["Mail:UnknownModule"].Value;
            var moduleLink = Link(args, tokens.Create(new UnsubscribeRequest(args.UserId, UnsubscribeScope.Module, group.Key)));
            body.AppendLine(l["Mail:ModuleLine", name, group.Count()].Value)
                .AppendLine(CultureInfo.InvariantCulture, $"  {args.SiteUrl}/Modules/{group.Key}")
                .AppendLine(CultureInfo.InvariantCulture, $"  {l["Mail:StopModule"].Value} {moduleLink}")
                .AppendLine();
        }

        body.AppendLine(l["Mail:Settings", $"{args.SiteUrl}/Account/Manage/Notifications"].Value)
            .AppendLine(l["Mail:StopAll", allLink].Value);
        var reviews = pending.Count;
        var subject = args.Cadence == FollowDelivery.WeeklyDigest ? l["Mail:DigestSubject", reviews].Value : l["Mail:NewReviewsSubject", reviews].Value;
        return new EmailMessage(to, subject, body.ToString(), Headers: MailCulture.UnsubscribeHeaders(allLink));
    }
}
