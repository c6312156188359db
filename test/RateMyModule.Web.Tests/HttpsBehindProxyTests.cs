using System.Net;
using Microsoft.AspNetCore.Http;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>HTTPS redirection and HSTS switched on, behind one known proxy at 10.0.0.2.</summary>
public sealed class HttpsBehindProxyWebAppFactory : WebAppFactory
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Https:Redirect"] = "true",
        ["Https:Hsts"] = "true",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
    };
}

public sealed class HttpsBehindProxyTests(HttpsBehindProxyWebAppFactory factory) : IClassFixture<HttpsBehindProxyWebAppFactory>
{
    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var context = await SendAsync(remote: HttpsBehindProxyWebAppFactory.Proxy, forwardedProto: null);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status307TemporaryRedirect);
        context.Response.Headers.Location.ToString().ShouldBe("https://ratemymodule.example/modules?page=2");
    }

    [Fact]
    public async Task Https_forwarded_by_the_known_proxy_is_served_with_hsts()
    {
        var context = await SendAsync(remote: HttpsBehindProxyWebAppFactory.Proxy, forwardedProto: "https");

        context.Response.StatusCode.ShouldBe(StatusCodes.Status404NotFound);
        context.Request.Scheme.ShouldBe("https");
        context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("203.0.113.7"));
        context.Response.Headers.StrictTransportSecurity.ToString().ShouldStartWith("max-age=31536000");
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var context = await SendAsync(remote: IPAddress.Parse("10.0.0.99"), forwardedProto: "https");

        context.Response.StatusCode.ShouldBe(StatusCodes.Status307TemporaryRedirect);
        context.Connection.RemoteIpAddress.ShouldBe(IPAddress.Parse("10.0.0.99"));
    }

    private Task<HttpContext> SendAsync(IPAddress remote, string? forwardedProto) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("ratemymodule.example");
            context.Request.Path = "/modules";
            context.Request.QueryString = new QueryString("?page=2");
            context.Connection.RemoteIpAddress = remote;
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });
}
