using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RateMyModule.TestBase.Authentication;
using Xunit;

namespace RateMyModule.TestBase.Browser;

/// <summary>
/// The real app on Kestrel (a free loopback port, its own SQLite file) and one headless system Chromium, started
/// once per fixture. Each test opens its own browser context (own cookies).
/// Playwright only drives the browser through its bundled driver: no browser is ever downloaded.
/// </summary>
public sealed class BrowserAppFixture : BrowserAppFixture<WebAppFactory>;

/// <summary>
/// <see cref="BrowserAppFixture"/> over a module's own factory (one that registers test implementations of other
/// modules' contracts, say).
/// </summary>
public class BrowserAppFixture<TFactory> : IAsyncLifetime, IAsyncDisposable
    where TFactory : WebAppFactory, new()
{
    /// <summary>Where the OS package installs Chromium; <c>CHROMIUM_PATH</c> overrides it.</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly TFactory _app = CreateOnKestrel();
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    /// <summary>The app's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not been initialized.");

    public TestDatabase Database => _app.Database;

    public TFactory App => _app;

    public async Task InitializeAsync()
    {
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : DefaultChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: install it (apt-get install chromium) or set CHROMIUM_PATH.");
        }

        // The system browser is used, so Playwright must never fetch one of its own.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (no cookies) whose relative URLs resolve against the app.</summary>
    public Task<IBrowserContext> NewContextAsync(string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = locale });

    /// <summary>A fresh browser context signed in as <paramref name="user"/> through the test scheme's header.</summary>
    public Task<IBrowserContext> NewContextAsAsync(TestUser user, string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestUser.Header] = user.Encode() },
        });

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _app.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static TFactory CreateOnKestrel()
    {
        var factory = new TFactory();
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        return factory;
    }
}
