using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Courses.Tests;

/// <summary>
/// Like the TestBase <see cref="BrowserAppFixture"/>, but over <see cref="CoursesWebAppFactory"/>, whose test-only
/// Accounts/Reviews neighbours the catalogue pages need until those modules are part of the host.
/// </summary>
public sealed class CoursesBrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly KestrelCoursesWebAppFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public CoursesWebAppFactory App => _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : BrowserAppFixture.DefaultChromiumPath;
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        });
    }

    /// <summary>A browser context signed in as <paramref name="user"/> through the TestBase test header.</summary>
    public Task<IBrowserContext> NewContextAsAsync(TestUser user)
        => _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestUser.Header] = user.Encode() },
        });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private sealed class KestrelCoursesWebAppFactory : CoursesWebAppFactory
    {
        public KestrelCoursesWebAppFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}
