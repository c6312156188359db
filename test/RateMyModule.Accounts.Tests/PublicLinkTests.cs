using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Framework;

namespace RateMyModule.Accounts.Tests;

/// <summary>The site as deployed: PUBLIC_URL names its address.</summary>
public sealed class PublicUrlAppFactory : AccountsAppFactory
{
    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["PUBLIC_URL"] = "https://ratemymodule.example",
    };
}

/// <summary>Issue 12, item 2: a mailed token link points at PUBLIC_URL whatever Host the request that caused it named.</summary>
public sealed class PublicLinkTests(PublicUrlAppFactory factory) : IClassFixture<PublicUrlAppFactory>
{
    [Fact]
    public async Task A_reset_link_asked_for_with_another_host_points_at_the_public_url()
    {
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var page = await client.GetPageAsync("/Account/ForgotPassword");
        client.Http.DefaultRequestHeaders.Host = "evil.example";
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = "root@admin.ratemymodule.app" });

        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "root@admin.ratemymodule.app", "Reset your RateMyModule password");
        FormClient.LinkIn(mail).ShouldStartWith("https://ratemymodule.example/Account/ResetPassword?code=");
        mail.TextBody!.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task The_queued_reset_mail_keeps_its_link_out_of_the_jobs_table()
    {
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var page = await client.GetPageAsync("/Account/ForgotPassword");
        await client.SubmitAsync(page, new Dictionary<string, string> { ["Email"] = "root@admin.ratemymodule.app" });

        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "root@admin.ratemymodule.app", "Reset your RateMyModule password");
        var code = new Uri(FormClient.LinkIn(mail)).Query;
        code.ShouldStartWith("?code=");
        var token = code[6..];
        var decoded = Uri.UnescapeDataString(token);

        // Issue 12, item 12: what the table holds (and its backups would) is neither the link nor its token.
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FrameworkDbContext>().BackgroundJobs
            .Where(j => j.JobName == "Accounts.SendEmail").Select(j => j.JobArgs).ToListAsync();
        stored.ShouldNotBeEmpty();
        stored.ShouldAllBe(args => !args.Contains("ResetPassword") && !args.Contains(token) && !args.Contains(decoded));
    }
}
