using System.Net;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class ErrorPageTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/lib/no-such-library.js")]
    public async Task Unknown_path_gets_the_not_found_page_with_status_404(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var document = await Html.ParseAsync(response);
        document.QuerySelector("main h1")!.TextContent.ShouldBe("Page not found");
        document.QuerySelector("main a[href='/']")!.TextContent.ShouldBe("Go to the home page");
        document.Title.ShouldBe("Page not found – RateMyModule");
        document.QuerySelector("main#main").ShouldNotBeNull();
    }

    [Fact]
    public async Task Not_found_page_follows_the_request_culture()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page?culture=cy", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var document = await Html.ParseAsync(response);
        document.DocumentElement.GetAttribute("lang").ShouldBe("cy");
        document.QuerySelector("main h1")!.TextContent.ShouldBe("Heb ddod o hyd i'r dudalen");
    }

    [Fact]
    public async Task Not_found_page_carries_the_security_headers()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/no-such-page", UriKind.Relative));

        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }
}
