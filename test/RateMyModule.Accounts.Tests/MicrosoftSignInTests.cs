using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>The app configured for Microsoft sign-in against a real OpenID Connect provider on loopback.</summary>
public sealed class MicrosoftSignInAppFactory : AccountsAppFactory, IAsyncLifetime
{
    public LoopbackOpenIdProvider Provider { get; private set; } = null!;

    protected override IDictionary<string, string> StartupSettings => new Dictionary<string, string>
    {
        ["OAUTH_MICROSOFT_CLIENT_ID"] = LoopbackOpenIdProvider.ClientId,
        ["OAUTH_MICROSOFT_SECRET"] = LoopbackOpenIdProvider.ClientSecret,
        ["OAUTH_MICROSOFT_AUTHORITY"] = Provider.Authority,
    };

    public async Task InitializeAsync() => Provider = await LoopbackOpenIdProvider.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Provider.DisposeAsync();
        await DisposeAsync();
    }
}

public sealed class MicrosoftSignInTests(MicrosoftSignInAppFactory factory) : IClassFixture<MicrosoftSignInAppFactory>
{
    /// <summary>Login page → provider's authorize endpoint → form_post back to the app → the app redeems the code.</summary>
    private async Task<(FormClient App, HttpResponseMessage Result)> SignInWithMicrosoftAsync()
    {
        var app = new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        var login = await app.GetPageAsync("/Account/Login");
        login.QuerySelectorAll("main button[name=provider]").Select(b => b.GetAttribute("value")).ShouldBe(["Microsoft"]);
        var challenge = await app.SubmitAsync(login, new Dictionary<string, string> { ["provider"] = "Microsoft" }, action: "ExternalLogin");
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        challenge.Headers.Location!.ToString().ShouldStartWith(factory.Provider.Authority + "connect/authorize");

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorized = await browser.GetAsync(challenge.Headers.Location);
        authorized.StatusCode.ShouldBe(HttpStatusCode.OK, await authorized.Content.ReadAsStringAsync());
        var postBack = await Html.ParseAsync(authorized);
        var form = postBack.QuerySelector("form")!;
        var fields = postBack.QuerySelectorAll("form input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var callback = await app.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect, await callback.Content.ReadAsStringAsync());
        callback.Headers.Location!.OriginalString.ShouldStartWith("/Account/ExternalLogin");
        return (app, await app.Http.GetAsync(callback.Headers.Location));
    }

    [Fact]
    public async Task A_new_university_address_becomes_a_confirmed_student_signed_in()
    {
        factory.Provider.NextUser = ("new-subject", "newcomer@cs.bham.ac.uk", true);
        var (app, result) = await SignInWithMicrosoftAsync();
        result.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        result.Headers.Location!.OriginalString.ShouldBe("/");

        var user = await FindAsync("newcomer@cs.bham.ac.uk");
        user.ShouldNotBeNull();
        user.EmailConfirmed.ShouldBeTrue();
        user.UniversityId.ShouldBe(TestCatalogue.Birmingham.Id);
        (await app.Http.GetAsync("/")).Headers.Location!.OriginalString.ShouldStartWith("/Account/Manage/Courses", customMessage: "signed in as a student without a course");
    }

    [Fact]
    public async Task An_existing_confirmed_account_is_linked()
    {
        var id = await factory.CreateUserAsync("known@bham.ac.uk", "Linked-up-pass-2026", TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        factory.Provider.NextUser = ("known-subject", "known@bham.ac.uk", true);
        var (_, result) = await SignInWithMicrosoftAsync();
        result.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        var logins = await users.GetLoginsAsync((await users.FindByIdAsync(id.ToString()))!);
        logins.ShouldContain(l => l.LoginProvider == "Microsoft" && l.ProviderKey == "known-subject");
    }

    [Theory]
    [InlineData("someone@outlook.com", true, "Free and disposable")]
    [InlineData("unverified@bham.ac.uk", false, "verified email address")]
    public async Task An_address_that_fails_the_rules_or_is_not_verified_makes_no_account(string email, bool verified, string message)
    {
        factory.Provider.NextUser = ("subject-" + email, email, verified);
        var (_, result) = await SignInWithMicrosoftAsync();
        result.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(result)).QuerySelector("main [role=alert]")!.TextContent.ShouldContain(message);
        (await FindAsync(email)).ShouldBeNull();
    }

    private async Task<AccountUser?> FindAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>().FindByEmailAsync(email);
    }
}
