using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

public sealed class SecurityHeadersTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Content_security_policy_allows_only_our_own_scripts_and_styles()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        var directives = response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        directives.ShouldContain("default-src 'self'");
        directives.ShouldContain("script-src 'self'");
        directives.ShouldContain("style-src 'self'");
        directives.ShouldContain("object-src 'none'");
        directives.ShouldContain("frame-ancestors 'none'");
        directives.ShouldAllBe(d => !d.Contains("unsafe-inline") && !d.Contains("unsafe-eval") && !d.Contains('*'));
    }

    [Fact]
    public async Task Without_https_configuration_plain_http_is_served_without_redirect_or_hsts()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        ((int)response.StatusCode).ShouldBe(200);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }
}
