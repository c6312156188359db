using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>
/// Light and dark pages: the cookie the toggle sets wins, else the device's client hint; the page cache keeps one
/// copy per scheme; the toggle works without JavaScript and only ever redirects to this site.
/// </summary>
public sealed class ColourSchemeTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<string?> SchemeOfHomeAsync(string? cookie = null, string? hint = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", $"rmm-theme={cookie}");
        }

        if (hint is not null)
        {
            request.Headers.Add("Sec-CH-Prefers-Color-Scheme", hint);
        }

        var response = await Client().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await Html.ParseAsync(response)).DocumentElement.GetAttribute("data-bs-theme");
    }

    [Fact]
    public async Task The_cookie_wins_then_the_device_hint_then_light_and_the_cache_keeps_each_apart()
    {
        (await SchemeOfHomeAsync()).ShouldBe("light");
        (await SchemeOfHomeAsync(hint: "\"dark\"")).ShouldBe("dark");
        (await SchemeOfHomeAsync()).ShouldBe("light", "a cached dark page must not be served to a light device");
        (await SchemeOfHomeAsync(cookie: "dark")).ShouldBe("dark");
        (await SchemeOfHomeAsync(cookie: "light", hint: "\"dark\"")).ShouldBe("light");
        (await SchemeOfHomeAsync(cookie: "purple")).ShouldBe("light");
    }

    [Fact]
    public async Task Pages_ask_for_the_devices_scheme_and_load_the_early_theme_script_from_a_file()
    {
        var response = await Client().GetAsync("/");
        response.Headers.GetValues("Accept-CH").ShouldContain("Sec-CH-Prefers-Color-Scheme");
        response.Headers.Vary.ShouldContain("Sec-CH-Prefers-Color-Scheme");

        var page = await Html.ParseAsync(response);
        page.DocumentElement.ClassList.ShouldContain("no-js");
        var headScripts = page.Head!.QuerySelectorAll("script").ToList();
        var theme = headScripts.Single(s => (s.GetAttribute("src") ?? "").StartsWith("/js/theme.js?v=", StringComparison.Ordinal));
        theme.HasAttribute("defer").ShouldBeFalse("it must set the scheme before the first paint");
        (await Client().GetStringAsync("/js/theme.js")).ShouldContain("prefers-color-scheme: dark");

        var choices = page.QuerySelectorAll("header [data-scheme-choice]").ToList();
        choices.Select(c => c.GetAttribute("data-scheme-choice")).ShouldBe(["auto", "light", "dark"]);
        choices[0].GetAttribute("aria-current").ShouldBe("true");
        choices[2].GetAttribute("href").ShouldBe("/theme/switch?scheme=dark&returnUrl=%2F");
    }

    [Fact]
    public async Task The_toggle_without_javascript_remembers_the_choice_and_goes_back_to_this_site_only()
    {
        var response = await Client().GetAsync("/theme/switch?scheme=dark&returnUrl=%2FUniversities%3Fchange%3Dtrue");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Universities?change=true");
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        cookie.ShouldStartWith("rmm-theme=dark;");
        cookie.ShouldContain("samesite=lax", Case.Insensitive);

        var auto = await Client().GetAsync("/theme/switch?scheme=auto&returnUrl=/");
        auto.Headers.GetValues("Set-Cookie").Single().ShouldStartWith("rmm-theme=;");

        (await Client().GetAsync("/theme/switch?scheme=dark&returnUrl=https%3A%2F%2Fevil.example%2F")).Headers.Location!.ToString().ShouldBe("/");
        (await Client().GetAsync("/theme/switch?scheme=dark&returnUrl=%2F%2Fevil.example")).Headers.Location!.ToString().ShouldBe("/");
        (await Client().GetAsync("/theme/switch?scheme=purple&returnUrl=/")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
