using System.Net.Http.Headers;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class CultureTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Fact]
    public async Task English_is_the_default()
    {
        var document = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative)));

        document.DocumentElement.GetAttribute("lang").ShouldBe("en");
        document.QuerySelector("a[hreflang=en]")!.GetAttribute("aria-current").ShouldBe("true");
        document.QuerySelector("a[hreflang=cy]")!.HasAttribute("aria-current").ShouldBeFalse();
    }

    [Fact]
    public async Task Culture_in_the_query_string_renders_the_page_in_welsh()
    {
        var document = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/?culture=cy", UriKind.Relative)));

        document.DocumentElement.GetAttribute("lang").ShouldBe("cy");
        document.QuerySelector("a[hreflang=cy]")!.GetAttribute("aria-current").ShouldBe("true");
        document.QuerySelector("a[hreflang=en]")!.HasAttribute("aria-current").ShouldBeFalse();
        document.QuerySelector("main p")!.TextContent.ShouldStartWith("Mae myfyrwyr yn rhoi sgôr");
        document.QuerySelector("body a")!.TextContent.ShouldBe("Neidio i'r prif gynnwys");
    }

    [Fact]
    public async Task Accept_language_welsh_renders_the_page_in_welsh()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("cy-GB"));

        var document = await Html.ParseAsync(await factory.CreateClient().SendAsync(request));

        document.DocumentElement.GetAttribute("lang").ShouldBe("cy");
    }

    [Fact]
    public async Task Switcher_links_name_each_language_in_itself_and_return_to_the_current_page_without_the_culture_parameter()
    {
        var document = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/Error/404?culture=cy&page=2", UriKind.Relative)));

        var welsh = document.QuerySelector("nav[aria-label] a[hreflang=cy]")!;
        welsh.TextContent.ShouldBe("Cymraeg");
        welsh.GetAttribute("lang").ShouldBe("cy");
        welsh.GetAttribute("href").ShouldBe("/culture/switch?culture=cy&returnUrl=%2FError%2F404%3Fpage%3D2");
        var english = document.QuerySelector("nav[aria-label] a[hreflang=en]")!;
        english.TextContent.ShouldBe("English");
        english.GetAttribute("lang").ShouldBe("en");
        english.GetAttribute("href").ShouldBe("/culture/switch?culture=en&returnUrl=%2FError%2F404%3Fpage%3D2");
    }

    [Theory]
    [InlineData("%2Fcaf%C3%A9", "/caf%C3%A9")]
    [InlineData("%2Fa%E2%80%A8b", "/a%E2%80%A8b")]
    public async Task The_switch_goes_back_to_a_return_url_with_non_ascii_characters_escaped(string returnUrl, string location)
    {
        var response = await factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync(new Uri($"/culture/switch?culture=cy&returnUrl={returnUrl}", UriKind.Relative));

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(location);
    }

    [Fact]
    public async Task The_switch_is_a_link_of_the_site_not_an_operation_of_the_api()
    {
        var document = await factory.CreateClient().GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative));

        document.ShouldNotContain("/culture/switch");
    }
}
