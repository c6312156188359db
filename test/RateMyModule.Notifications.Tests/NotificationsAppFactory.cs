using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using netDumbster.smtp;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Uow;
using RateMyModule.Reviews;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Notifications.Tests;

/// <summary>
/// The real host with the test catalogue and recipients, a real SMTP server on loopback that the app sends to, and
/// the job worker running with no gathering delay, so a test sees the mail the app really sent.
/// </summary>
public class NotificationsAppFactory : WebAppFactory
{
    public SimpleSmtpServer Smtp { get; } = Configuration.Configure().WithRandomPort().Build();

    public TestCatalogue Catalogue { get; } = new();

    public TestRecipients Recipients { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["EMAIL_HOST"] = "127.0.0.1",
        ["EMAIL_PORT"] = Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
        ["EMAIL_USE_SSL"] = "false",
        ["BackgroundJobs:IsEnabled"] = "true",
        ["BackgroundJobs:PollInterval"] = "00:00:00.100",
        ["Notifications:GatherDelay"] = "00:00:00",
        ["Notifications:SiteUrl"] = "https://ratemymodule.test",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // The module page's stylesheet comes from the Reviews library's wwwroot, read from the build output's manifest.
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ICatalogueLookup>();
            services.AddSingleton<ICatalogueLookup>(Catalogue);
            services.RemoveAll<IEmailRecipientLookup>();
            services.AddSingleton<IEmailRecipientLookup>(Recipients);
        });
    }

    /// <summary>What the Reviews module does when a review is written: the event, in a committed unit of work.</summary>
    public async Task PublishReviewAsync(Guid moduleId, Guid authorId)
    {
        await using var scope = Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin(expectWrites: true);
        await scope.ServiceProvider.GetRequiredService<ILocalEventBus>()
            .PublishAsync(new ReviewPublishedEvent(Guid.NewGuid(), moduleId, authorId, 4, DateTimeOffset.UtcNow));
        await uow.CompleteAsync();
    }

    public async Task<MimeMessage> WaitForEmailAsync(string to)
    {
        // Up to a minute: the mail goes through two jobs, which a loaded CI machine may run late.
        for (var i = 0; i < 600; i++)
        {
            foreach (var raw in Smtp.ReceivedEmail)
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
                if (message.To.Mailboxes.Any(m => m.Address == to))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {to} arrived.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>The TestBase browser fixture over <see cref="NotificationsAppFactory"/>.</summary>
public sealed class NotificationsBrowserFixture : BrowserAppFixture<NotificationsAppFactory>;
