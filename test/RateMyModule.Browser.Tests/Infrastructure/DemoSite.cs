using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MimeKit;
using netDumbster.smtp;
using RateMyModule.Accounts.Users;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Browser.Tests.Infrastructure;

/// <summary>
/// The whole product as a newcomer meets it: every module, the demo data and accounts, a real SMTP server on
/// loopback that the job worker sends to, and the Razor Class Libraries' static files.
/// </summary>
public sealed class DemoSiteFactory : WebAppFactory
{
    public const string DemoPassword = "Demo-pass-2026";

    public SimpleSmtpServer Smtp { get; } = Configuration.Configure().WithRandomPort().Build();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:SeedDemoData"] = "true",
        ["EMAIL_HOST"] = "127.0.0.1",
        ["EMAIL_PORT"] = Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
        ["EMAIL_USE_SSL"] = "false",
        ["BackgroundJobs:IsEnabled"] = "true",
        ["BackgroundJobs:PollInterval"] = "00:00:00.100",
        ["Accounts:SignInPermitLimit"] = "1000",

        // Short pages of reviews, so that the demo modules have more than one.
        ["Reviews:PageSize"] = "4",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Outside Development the module libraries' wwwroot is served only once published; tests run the build output.
        builder.UseStaticWebAssets();
    }

    /// <summary>The demo account holding <paramref name="role"/> (the seed makes one of each).</summary>
    public async Task<string> DemoEmailAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        return (await users.GetUsersInRoleAsync(role)).Select(u => u.Email!).Order(StringComparer.Ordinal).First();
    }

    public async Task<MimeMessage> WaitForEmailAsync(string to, string subjectContains)
    {
        // Up to a minute: the mail goes through the job queue, which a loaded machine may run late.
        for (var i = 0; i < 600; i++)
        {
            foreach (var raw in Smtp.ReceivedEmail)
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw.Data)));
                if (message.To.Mailboxes.Any(m => m.Address == to) && (message.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {to} about '{subjectContains}' arrived.");
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

public sealed class DemoSiteFixture : BrowserAppFixture<DemoSiteFactory>;

/// <summary>What the journeys and layout checks do in a page, as a person would: by labels, roles and keys.</summary>
public static partial class SiteActions
{
    public static readonly int[] Widths = [1280, 1024, 768, 390];

    public static readonly string[] Cultures = ["en", "cy"];

    public static async Task SignInAsync(IPage page, string email, string password = DemoSiteFactory.DemoPassword)
    {
        await page.GotoAsync("/Account/Login?culture=en");
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = email })).ToHaveCountAsync(1);
    }

    public static string LinkIn(MimeMessage message)
        => LinkPattern().Match(message.TextBody ?? "").Value is { Length: > 0 } link ? link : throw new InvalidOperationException("No link in the email.");

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty($"{page.Url}{Environment.NewLine}{AccessibilityScanner.Describe(violations)}");
    }

    /// <summary>
    /// Fails when the page is wider than the window (it would scroll sideways), when a header control lies outside
    /// the window, or when a control is smaller than the 24 × 24 px touch target of WCAG 2.2 (text links in prose
    /// are exempt, as WCAG exempts them).
    /// </summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var problems = await page.EvaluateAsync<string[]>("""
            () => {
              const width = document.documentElement.clientWidth;
              const problems = [];
              if (document.documentElement.scrollWidth > width) {
                problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`);
              }
              for (const el of document.querySelectorAll('header *')) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 0.5) { problems.push(`header ${el.tagName}.${el.className} ends at ${Math.round(box.right)} px`); }
              }
              for (const el of document.querySelectorAll('.btn, .nav-link, .dropdown-item, .form-check-input, .form-select, .form-control, .navbar-toggler, summary')) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.height > 0 && (box.width < 24 || box.height < 24)) {
                  problems.push(`${el.tagName}.${el.className} "${(el.textContent || el.name || '').trim().slice(0, 30)}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
                }
              }
              return problems.slice(0, 10);
            }
            """);
        problems.ShouldBeEmpty($"{what} at {page.ViewportSize?.Width} px: {string.Join("; ", problems)}");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
