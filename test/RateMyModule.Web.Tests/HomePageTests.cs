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
        document.QuerySelector("h1").ShouldNotBeNull();
    }
}
