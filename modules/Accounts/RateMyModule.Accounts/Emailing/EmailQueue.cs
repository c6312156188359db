using RateMyModule.Framework.BackgroundJobs;

namespace RateMyModule.Accounts.Emailing;

// Mails carry secrets (reset, confirmation and unsubscribe links), so the queued copy is encrypted (issue 12, item 12).
[BackgroundJobName("Accounts.SendEmail")]
[ProtectedJobArgs]
public sealed record SendEmailArgs(string To, string Subject, string TextBody, string? HtmlBody, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>Queues the message as a job in the caller's unit of work: no mail for a change that rolled back.</summary>
public sealed class EmailQueue(IBackgroundJobManager jobs) : IEmailQueue
{
    public Task EnqueueAsync(EmailMessage message, CancellationToken cancellationToken = default)
        => jobs.EnqueueAsync(new SendEmailArgs(message.To, message.Subject, message.TextBody, message.HtmlBody, message.Headers), cancellationToken: cancellationToken);
}

/// <summary>Sends a queued message; a failure (server down) throws, and the job queue retries with back-off.</summary>
public sealed class SendEmailJob(IEmailSender sender) : IBackgroundJob<SendEmailArgs>
{
    public Task ExecuteAsync(SendEmailArgs args, CancellationToken cancellationToken)
        => sender.SendAsync(new EmailMessage(args.To, args.Subject, args.TextBody, args.HtmlBody, args.Headers), cancellationToken);
}
