using System.Net;
using System.Text.Json;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class ApiReferenceTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_every_modules_endpoints()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("openapi").GetString().ShouldStartWith("3.");
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/modules");
        paths.ShouldContain("/api/v1/me");
        paths.ShouldContain(p => p.StartsWith("/api/v1/modules/{", StringComparison.Ordinal) && p.Contains("reviews", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_browsable_root_lists_the_endpoints_and_links_the_document()
    {
        var page = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/api", UriKind.Relative)));

        page.QuerySelector("main a[href='/api/v1/openapi.json']").ShouldNotBeNull();
        var paths = page.QuerySelectorAll("main tbody td:nth-child(2)").Select(c => c.TextContent).ToList();
        paths.ShouldContain("/api/v1/universities");
        paths.ShouldContain("/api/v1/me");
    }
}
