using System.Net;
using RateMyModule.Accounts.Tests.Infrastructure;

namespace RateMyModule.Accounts.Tests;

public sealed class RateLimitedAppFactory : AccountsAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Accounts:SignInPermitLimit"] = "3" };
}

public sealed class SignInRateLimitTests(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_from_one_address_are_refused()
    {
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            var page = await client.GetPageAsync("/Account/Login");
            last = await client.SubmitAsync(page, new Dictionary<string, string> { ["Input.Email"] = "x@bham.ac.uk", ["Input.Password"] = "Whatever-1" });
            statuses.Add(last.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);

        // Issue 12, item 13: when to come back, and the security headers as on every response.
        last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 60);
        last.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}

public sealed class ExpiringLinkAppFactory : AccountsAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS"] = "0" };
}

public sealed class ConfirmationExpiryTests(ExpiringLinkAppFactory factory) : IClassFixture<ExpiringLinkAppFactory>
{
    [Fact]
    public async Task A_confirmation_link_older_than_the_configured_days_is_refused()
    {
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SubmitAsync(await client.GetPageAsync("/Account/Register"), new Dictionary<string, string>
        {
            ["Input.Email"] = "late@bham.ac.uk",
            ["Input.Password"] = "Sunny-day-42",
            ["Input.ConfirmPassword"] = "Sunny-day-42",
        });
        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "late@bham.ac.uk", "Confirm your RateMyModule account");
        var page = await client.GetPageAsync(FormClient.LinkIn(mail));
        page.QuerySelector("main [role=alert]")!.TextContent.ShouldContain("expired");
        page.QuerySelector("main a[href='/Account/ResendConfirmation']").ShouldNotBeNull();
    }
}
