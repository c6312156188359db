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

[BackgroundJobName("Notifications.ModerationMail")]
public sealed record ModerationMailArgs(Guid NotificationId, Guid UserId, string SiteUrl);

/// <summary>
/// Tells an author what a moderator did to their review and in which report category, in the author's language. It
/// names no reporter: the notification it reads never held one. Skipped when the author has turned these mails off.
/// </summary>
public sealed class ModerationMailJob(
    NotificationsDbContext db,
    IEmailRecipientLookup recipients,
    ICatalogueLookup catalogue,
    IEmailQueue email,
    UnsubscribeTokens tokens,
    IStringLocalizer<NotificationsResource> l,
    TimeProvider clock) : IBackgroundJob<ModerationMailArgs>
{
    public async Task ExecuteAsync(ModerationMailArgs args, CancellationToken cancellationToken)
    {
        // First, before this job's transaction reads anything: the first token of a process (or after a key rotation)
        // writes a new data-protection key on its own connection, which must commit before this transaction's snapshot.
        var link = $"{args.SiteUrl}/Notifications/Unsubscribe?token={Uri.EscapeDataString(tokens.Create(new UnsubscribeRequest(args.UserId, UnsubscribeScope.Moderation)))}";
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == args.NotificationId && n.UserId == args.UserId && n.MailedTime == null, cancellationToken);
        if (notification is null
            || await db.Settings.AnyAsync(s => s.UserId == notification.UserId && !s.ModerationEmails, cancellationToken)
            || (await recipients.GetEmailRecipientsAsync([notification.UserId], cancellationToken)).GetValueOrDefault(notification.UserId) is not { } recipient)
        {
            return;
        }

        notification.MailedTime = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var module = await catalogue.GetModuleAsync(notification.ModuleId, cancellationToken);
        var message = MailCulture.In(recipient.Culture, () => Compose(args, recipient.Email, link, notification, module));
        await email.EnqueueAsync(message, cancellationToken);
    }

    private EmailMessage Compose(ModerationMailArgs args, string to, string link, Notification notification, ModuleDto? module)
    {
        var name = module is null ? l["Mail:UnknownModule"].Value : $"{module.Name} ({module.Code})";
        var body = new StringBuilder().AppendLine(l[$"Mail:Moderated:{notification.Outcome}", name].Value);
        if (notification.Reason is { } reason)
        {
            body.AppendLine(l["Mail:Reason", l[$"Reason:{reason}"].Value].Value);
        }

        body.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{args.SiteUrl}/Modules/{notification.ModuleId}")
            .AppendLine()
            .AppendLine(l["Mail:StopModeration", link].Value);
        return new EmailMessage(to, l[$"Mail:ModeratedSubject:{notification.Outcome}", name].Value, body.ToString(), Headers: MailCulture.UnsubscribeHeaders(link));
    }
}
