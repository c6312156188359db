using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests;

/// <summary>The host as the deployment guide runs it: PRODUCTION=true and nothing said about HTTPS.</summary>
public sealed class ProductionWebAppFactory : WebAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");

        // Read while the modules register their services, so they must be host settings, not app configuration.
        builder.UseSetting("PRODUCTION", "true");
        builder.UseSetting("SECRET_KEY", "a-production-secret-key-of-enough-length-0123456789");
        builder.UseSetting("ALLOWED_HOSTS", "ratemymodule.example");
        builder.UseSetting("PUBLIC_URL", "https://ratemymodule.example");
        builder.UseSetting("EMAIL_TO_CONSOLE", "true");
        builder.UseSetting("ConnectionStrings:Default", Database.ConnectionString);
    }
}

/// <summary>Issue 12, item 13: in production the app sends HSTS without being told to.</summary>
public sealed class ProductionDefaultsTests(ProductionWebAppFactory factory) : IClassFixture<ProductionWebAppFactory>
{
    [Fact]
    public async Task An_https_response_in_production_carries_hsts_for_a_year()
    {
        var context = await factory.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Scheme = "https";
            request.Request.Host = new HostString("ratemymodule.example");
            request.Request.Path = "/health/live";
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        context.Response.Headers.StrictTransportSecurity.ToString().ShouldBe("max-age=31536000");
        context.Response.Headers.ContainsKey("Server").ShouldBeFalse();
    }

    [Fact]
    public async Task The_bad_host_answer_in_production_carries_the_security_headers()
    {
        var context = await factory.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Scheme = "https";
            request.Request.Host = new HostString("evil.example");
            request.Request.Path = "/";
        });

        context.Response.StatusCode.ShouldBe(StatusCodes.Status400BadRequest);
        context.Response.Headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
    }
}
