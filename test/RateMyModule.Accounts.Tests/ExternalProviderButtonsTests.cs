using RateMyModule.Accounts.Tests.Infrastructure;

namespace RateMyModule.Accounts.Tests;

public sealed class GoogleConfiguredAppFactory : AccountsAppFactory
{
    protected override IDictionary<string, string> StartupSettings => new Dictionary<string, string>
    {
        ["OAUTH_GOOGLE_CLIENT_ID"] = "1234567890-test.apps.googleusercontent.com",
        ["OAUTH_GOOGLE_SECRET"] = "test-secret",
    };
}

public sealed class ExternalProviderButtonsTests(GoogleConfiguredAppFactory google, AccountsAppFactory plain)
    : IClassFixture<GoogleConfiguredAppFactory>, IClassFixture<AccountsAppFactory>
{
    [Fact]
    public async Task Only_configured_providers_get_a_button()
    {
        var withGoogle = await new FormClient(google.CreateClient()).GetPageAsync("/Account/Login");
        withGoogle.QuerySelectorAll("main button[name=provider]").Select(b => b.GetAttribute("value")).ShouldBe(["Google"]);

        var without = await new FormClient(plain.CreateClient()).GetPageAsync("/Account/Login");
        without.QuerySelectorAll("main button[name=provider]").ShouldBeEmpty();
    }

    [Fact]
    public async Task The_google_button_sends_the_browser_to_google_with_this_sites_callback()
    {
        var client = new FormClient(google.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var page = await client.GetPageAsync("/Account/Login");
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["provider"] = "Google" }, action: "ExternalLogin");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        var location = response.Headers.Location!;
        location.Host.ShouldBe("accounts.google.com");
        Uri.UnescapeDataString(location.Query).ShouldContain("redirect_uri=http://localhost/signin-google");
    }
}
