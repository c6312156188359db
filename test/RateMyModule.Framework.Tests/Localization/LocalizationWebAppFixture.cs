using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Framework.Tests.Localization;

/// <summary>
/// A small web app on TestServer wired the way the host wires it: request localization before routing, the culture
/// switch endpoint, and a probe endpoint that reports the culture the request got.
/// </summary>
public sealed class LocalizationWebAppFixture : IAsyncLifetime
{
    public const string ProbePath = "/probe";

    private WebApplication? _app;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => App.Services;

    private WebApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalizationWebAppFixture).Assembly.GetName().Name,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseTestServer();
        builder.Services.AddFrameworkLocalization();
        builder.Services.AddCatalogueLocalization();
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(Clock);

        _app = builder.Build();
        _app.UseFrameworkRequestLocalization();
        _app.UseRouting();
        _app.MapCultureSwitch();
        _app.MapGet(ProbePath, (IStringLocalizer<FrameworkResource> localizer) =>
            $"{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}|{localizer["Save"]}");
        await _app.StartAsync();
    }

    /// <summary>A client that does not follow redirects, so a test sees where it would have been sent.</summary>
    public HttpClient CreateClient(string baseAddress = "http://localhost")
    {
        var client = App.GetTestClient();
        client.BaseAddress = new Uri(baseAddress);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
