using System.Net;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class HomePageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task Home_page_renders_with_a_main_heading()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await Html.ParseAsync(response);
        document.QuerySelector("main h1")!.TextContent.ShouldBe("RateMyModule");
        document.QuerySelector("main p")!.TextContent.ShouldContain("university modules");
    }

    [Fact]
    public async Task Layout_has_a_skip_link_to_main_and_the_landmarks()
    {
        var document = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative)));

        var firstLink = document.QuerySelector("body a")!;
        firstLink.GetAttribute("href").ShouldBe("#main");
        firstLink.TextContent.ShouldBe("Skip to main content");
        document.QuerySelector("main#main").ShouldNotBeNull();
        document.QuerySelector("header nav[aria-label='Main navigation'] a[href='/']").ShouldNotBeNull();
        document.QuerySelector("header nav[aria-label='Language']").ShouldNotBeNull();
        document.QuerySelector("footer").ShouldNotBeNull();
        document.QuerySelectorAll("main").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Layout_loads_only_the_vendored_assets_with_version_fingerprints()
    {
        var document = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative)));

        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")!).ToList();
        var scripts = document.QuerySelectorAll("script").Select(e => e.GetAttribute("src")).ToList();
        stylesheets.ShouldContain(href => href.StartsWith("/lib/bootstrap/css/bootstrap.min.css?v=", StringComparison.Ordinal));
        stylesheets.ShouldContain(href => href.StartsWith("/css/site.css?v=", StringComparison.Ordinal));
        scripts.ShouldContain(src => src != null && src.StartsWith("/lib/bootstrap/js/bootstrap.bundle.min.js?v=", StringComparison.Ordinal));
        scripts.ShouldContain(src => src != null && src.StartsWith("/lib/htmx/htmx.min.js?v=", StringComparison.Ordinal));
        // Nothing from another origin, no inline script and no style attribute: the page works under the strict CSP.
        stylesheets.Concat(scripts).ShouldAllBe(url => url != null && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
        document.QuerySelectorAll("[style]").ShouldBeEmpty();
        document.QuerySelectorAll("style").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", "text/css", "Bootstrap")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", "text/javascript", "Bootstrap")]
    [InlineData("/lib/htmx/htmx.min.js", "text/javascript", "htmx")]
    [InlineData("/lib/bootstrap/LICENSE.txt", "text/plain", "MIT License")]
    [InlineData("/lib/htmx/LICENSE.txt", "text/plain", "Zero-Clause BSD")]
    public async Task Vendored_files_and_their_licences_are_served(string path, string? contentType, string expected)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (contentType is not null)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        }

        (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
    }
}
