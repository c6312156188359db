using System.Net;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Framework.Tests.Localization;

public sealed class CultureSwitchEndpointTests(LocalizationWebAppFixture web) : IClassFixture<LocalizationWebAppFixture>
{
    [Fact]
    public async Task Sets_the_culture_cookie_for_a_year_and_goes_back_to_a_local_page()
    {
        using var response = await SwitchAsync("cy", "/modules/cs101?tab=reviews");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/modules/cs101?tab=reviews");
        var cookie = CultureCookieOf(response);
        cookie.ShouldStartWith($"{CookieRequestCultureProvider.DefaultCookieName}=c%3Dcy%7Cuic%3Dcy;");
        cookie.ShouldContain($"expires={web.Clock.GetUtcNow().AddDays(365):R}", Case.Insensitive);
        cookie.ShouldContain("path=/");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldNotContain("secure");
    }

    [Fact]
    public async Task The_cookie_it_sets_puts_the_next_request_in_that_culture()
    {
        using var client = web.CreateClient();
        using var switched = await client.GetAsync(new Uri($"{CultureSwitchEndpoint.Path}?culture=cy&returnUrl=/", UriKind.Relative));
        var cookie = CultureCookieOf(switched).Split(';')[0];
        using var next = new HttpRequestMessage(HttpMethod.Get, LocalizationWebAppFixture.ProbePath);
        next.Headers.Add("Cookie", cookie);
        next.Headers.Add("Accept-Language", "en");

        using var response = await client.SendAsync(next);

        (await response.Content.ReadAsStringAsync()).ShouldBe("cy|cy|Cadw");
    }

    [Fact]
    public async Task Marks_the_cookie_secure_over_https()
    {
        using var response = await SwitchAsync("en", "/", baseAddress: "https://localhost");

        CultureCookieOf(response).ShouldContain("secure");
    }

    [Fact]
    public async Task Resolves_an_app_relative_return_url()
    {
        using var response = await SwitchAsync("cy", "~/modules");

        response.Headers.Location!.OriginalString.ShouldBe("/modules");
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\r\nLocation: https://evil.example")]
    [InlineData("")]
    public async Task Refuses_a_return_url_off_this_site_and_goes_home(string returnUrl)
    {
        using var response = await SwitchAsync("cy", returnUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        CultureCookieOf(response).ShouldContain("uic%3Dcy");
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public async Task Answers_400_for_a_culture_it_does_not_support_and_sets_no_cookie(string culture)
    {
        using var response = await SwitchAsync(culture, "/");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        (await response.Content.ReadAsStringAsync()).ShouldContain("is not supported");
    }

    [Fact]
    public void The_view_localizer_reads_the_resource_of_the_application_assembly()
    {
        using var scope = web.Services.CreateScope();
        var localizer = scope.ServiceProvider.GetRequiredService<IViewLocalizer>();
        ((IViewContextAware)localizer).Contextualize(new ViewContext { ExecutingFilePath = "/Pages/Modules/Index.cshtml" });
        using var _ = new CultureScope("cy");

        localizer["Module"].Value.ShouldBe("Modiwl");
        localizer["Delete"].Value.ShouldBe("Dileu");
    }

    private async Task<HttpResponseMessage> SwitchAsync(string culture, string returnUrl, string baseAddress = "http://localhost")
    {
        using var client = web.CreateClient(baseAddress);
        var query = $"?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
        return await client.GetAsync(new Uri(CultureSwitchEndpoint.Path + query, UriKind.Relative));
    }

    private static string CultureCookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieRequestCultureProvider.DefaultCookieName, StringComparison.Ordinal));
}
