using Microsoft.AspNetCore.Localization;

namespace RateMyModule.Framework.Tests.Localization;

public sealed class RequestLocalizationTests(LocalizationWebAppFixture web) : IClassFixture<LocalizationWebAppFixture>
{
    private static readonly string WelshCookie = $"{CookieRequestCultureProvider.DefaultCookieName}=c%3Dcy%7Cuic%3Dcy";

    [Fact]
    public async Task Without_any_hint_the_request_is_in_english()
    {
        (await ProbeAsync(LocalizationWebAppFixture.ProbePath)).ShouldBe("en|en|Save");
    }

    [Fact]
    public async Task Accept_language_chooses_the_culture_and_a_region_falls_back_to_its_language()
    {
        (await ProbeAsync(LocalizationWebAppFixture.ProbePath, acceptLanguage: "cy-GB,cy;q=0.9")).ShouldBe("cy|cy|Cadw");
    }

    [Fact]
    public async Task The_cookie_beats_accept_language()
    {
        (await ProbeAsync(LocalizationWebAppFixture.ProbePath, cookie: WelshCookie, acceptLanguage: "en")).ShouldBe("cy|cy|Cadw");
    }

    [Fact]
    public async Task The_query_string_beats_the_cookie_and_accept_language()
    {
        var result = await ProbeAsync($"{LocalizationWebAppFixture.ProbePath}?culture=en", cookie: WelshCookie, acceptLanguage: "cy");

        result.ShouldBe("en|en|Save");
    }

    [Fact]
    public async Task An_unsupported_culture_is_skipped_for_the_next_provider()
    {
        var result = await ProbeAsync($"{LocalizationWebAppFixture.ProbePath}?culture=fr", acceptLanguage: "cy");

        result.ShouldBe("cy|cy|Cadw");
    }

    [Fact]
    public async Task The_response_says_which_language_it_is_in()
    {
        using var client = web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{LocalizationWebAppFixture.ProbePath}?culture=cy");

        using var response = await client.SendAsync(request);

        response.Content.Headers.ContentLanguage.ShouldBe(["cy"]);
    }

    private async Task<string> ProbeAsync(string url, string? cookie = null, string? acceptLanguage = null)
    {
        using var client = web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
