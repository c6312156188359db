using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>ALLOWED_HOSTS as the smoke stack sets it, behind one known proxy at 10.0.0.2.</summary>
public sealed class AllowedHostsBehindProxyWebAppFactory : WebAppFactory
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // ALLOWED_HOSTS becomes this when the host starts; the factory's settings arrive after that reading.
        ["AllowedHosts"] = "127.0.0.1;localhost",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy.ToString(),
    };
}

/// <summary>Issue 12, item 2: a forwarded host outside ALLOWED_HOSTS is refused as a Host header would be.</summary>
public sealed class ForwardedHostTests(AllowedHostsBehindProxyWebAppFactory factory) : IClassFixture<AllowedHostsBehindProxyWebAppFactory>
{
    [Fact]
    public async Task A_forwarded_host_outside_the_allowed_hosts_is_refused()
        => (await SendAsync("evil.example")).Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);

    [Fact]
    public async Task The_host_filters_refusal_carries_the_security_headers()
    {
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Host = new HostString("attacker.invalid");
            c.Request.Path = "/";
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        context.Response.Headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
        context.Response.Headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }

    [Fact]
    public void Kestrel_does_not_name_itself()
        => factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader.ShouldBeFalse();

    [Fact]
    public async Task An_allowed_forwarded_host_is_served()
    {
        var context = await SendAsync("localhost");
        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        context.Request.Host.Host.ShouldBe("localhost");
    }

    private Task<HttpContext> SendAsync(string forwardedHost) =>
        factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("127.0.0.1");
            context.Request.Path = "/";
            context.Connection.RemoteIpAddress = AllowedHostsBehindProxyWebAppFactory.Proxy;
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
            context.Request.Headers["X-Forwarded-Host"] = forwardedHost;
        });
}
