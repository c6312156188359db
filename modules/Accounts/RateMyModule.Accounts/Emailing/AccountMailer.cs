using Microsoft.Extensions.Localization;

namespace RateMyModule.Accounts.Emailing;

/// <summary>The account emails, in the culture of the request that caused them, queued durably.</summary>
public sealed class AccountMailer(IEmailQueue queue, IStringLocalizer<AccountsResource> l)
{
    public Task SendConfirmationAsync(string to, string link, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["ConfirmEmailSubject"], l["ConfirmEmailBody", link]), cancellationToken);

    public Task SendRegistrationAttemptAsync(string to, string signInLink, string resetLink, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["RegisterAttemptSubject"], l["RegisterAttemptBody", signInLink, resetLink]), cancellationToken);

    /// <summary>To a user an administrator made: the link sets their first password (a password-reset token, expiring as one does).</summary>
    public Task SendInvitationAsync(string to, string link, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["InvitationSubject"], l["InvitationBody", link]), cancellationToken);

    public Task SendPasswordResetAsync(string to, string link, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["ResetPasswordSubject"], l["ResetPasswordBody", link]), cancellationToken);

    /// <summary>To the old address, once the change is done: if it was not its owner, they learn it while they can act.</summary>
    public Task SendEmailChangedNoticeAsync(string to, string newEmail, string resetLink, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["EmailChangedSubject"], l["EmailChangedBody", newEmail, resetLink]), cancellationToken);

    public Task SendChangeEmailAsync(string to, string link, CancellationToken cancellationToken)
        => queue.EnqueueAsync(new EmailMessage(to, l["ChangeEmailSubject"], l["ChangeEmailBody", link]), cancellationToken);
}
