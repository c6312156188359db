using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using RateMyModule.Accounts.Options;

namespace RateMyModule.Accounts.Emailing;

/// <summary>Delivers one message now. Callers queue through <see cref="IEmailQueue"/>; only the send job calls this.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public static class MimeMessageFactory
{
    public static MimeMessage Create(EmailMessage message, string from)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        foreach (var (field, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mime.Headers.Add(field, value);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.Host ?? throw new InvalidOperationException("EMAIL_HOST is not set, and EMAIL_TO_CONSOLE is not true.");
        using var client = new SmtpClient();
        var security = settings.UseSsl ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(host, settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessageFactory.Create(message, settings.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Development without a mail server: the message is logged and kept as an .eml file to open or click through.</summary>
public sealed partial class PickupFolderEmailSender(IOptions<EmailOptions> options, TimeProvider clock, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Directory.CreateDirectory(settings.PickupDirectory);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(settings.PickupDirectory, name);
        await MimeMessageFactory.Create(message, settings.From).WriteToAsync(path, cancellationToken);
        LogWritten(message.To, message.Subject, path, message.TextBody);
    }

    [LoggerMessage(LogLevel.Information, "Email to {To} ({Subject}) written to {Path}:\n{Body}")]
    private partial void LogWritten(string to, string subject, string path, string body);
}
