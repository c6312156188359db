using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>The host with the Reviews test doubles on Kestrel, and the system Chromium (as <see cref="BrowserAppFixture"/>).</summary>
public sealed class ReviewsBrowserFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly KestrelReviewsFactory _app = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ReviewsWebFactory App => _app;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : BrowserAppFixture.DefaultChromiumPath;
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
    }

    /// <summary>A browser context signed in as <paramref name="user"/> (the test scheme's header on every request).</summary>
    public Task<IBrowserContext> NewContextAsync(TestUser user) =>
        _browser!.NewContextAsync(new BrowserNewContextOptions
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

    private sealed class KestrelReviewsFactory : ReviewsWebFactory
    {
        public KestrelReviewsFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}
