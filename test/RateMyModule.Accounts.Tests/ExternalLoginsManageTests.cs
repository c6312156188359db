using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Api;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// Manage → sign-in providers, over HTTP with Microsoft configured against the real OpenID Connect provider on
/// loopback: linking goes through the provider and back, removing never strands an account.
/// </summary>
public sealed class ExternalLoginsManageTests(MicrosoftSignInAppFactory factory, AccountsAppFactory plain)
    : IClassFixture<MicrosoftSignInAppFactory>, IClassFixture<AccountsAppFactory>
{
    private const string Page = "/Account/Manage/ExternalLogins";
    private const string Password = "Linking-pass-2026";

    [Fact]
    public async Task A_password_user_links_microsoft_and_a_later_microsoft_sign_in_lands_in_the_same_account()
    {
        var id = await factory.CreateUserAsync("linker@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var app = await SignInWithPasswordAsync("linker@bham.ac.uk");
        var manage = await app.GetPageAsync(Page);
        manage.QuerySelector("main table").ShouldBeNull();
        manage.QuerySelectorAll("main button[name=provider]").Select(b => b.TextContent.Trim()).ShouldBe(["Add Microsoft"]);

        // A different address at the provider: only the link, not a matching email, can lead back to this account.
        factory.Provider.NextUser = ("linker-subject", "linker.elsewhere@bham.ac.uk", true);
        var callback = await LinkThroughProviderAsync(app, manage);
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.OriginalString.ShouldBe(Page);
        callback.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("Identity.External=;", StringComparison.Ordinal), "the external cookie is cleared");

        var linked = await app.GetPageAsync(Page);
        linked.QuerySelector("main [role=status]")!.TextContent.ShouldContain("Microsoft is now linked");
        linked.QuerySelectorAll("main table tbody th").Select(c => c.TextContent.Trim()).ShouldBe(["Microsoft"]);
        linked.QuerySelector("main table button")!.TextContent.Trim().ShouldBe("Remove Microsoft");
        linked.QuerySelectorAll("main button[name=provider]").ShouldBeEmpty("nothing left to add");
        (await LoginsOf(id)).ShouldBe([("Microsoft", "linker-subject")]);

        var later = new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        var login = await later.GetPageAsync("/Account/Login");
        var signedIn = await later.Http.GetAsync((await FollowProviderAsync(later, await later.SubmitAsync(login, new Dictionary<string, string> { ["provider"] = "Microsoft" }, action: "ExternalLogin"))).Headers.Location);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await later.Http.GetFromJsonAsync<MeDto>(MeEndpoint.Path))!.Id.ShouldBe(id);
        (await FindAsync("linker.elsewhere@bham.ac.uk")).ShouldBeNull("no second account was made");
    }

    [Fact]
    public async Task A_password_user_removes_a_linked_login()
    {
        var id = await factory.CreateUserAsync("unlinker@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await AddLoginAsync(id, "unlinker-subject");
        var app = await SignInWithPasswordAsync("unlinker@bham.ac.uk");

        var removed = await app.SubmitAsync(await app.GetPageAsync(Page), new Dictionary<string, string>(), action: "handler=Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoginsOf(id)).ShouldBeEmpty();

        var page = await app.GetPageAsync(Page);
        page.QuerySelector("main [role=status]")!.TextContent.ShouldContain("Microsoft is no longer linked");
        page.QuerySelector("main table").ShouldBeNull();
        page.QuerySelectorAll("main button[name=provider]").Select(b => b.TextContent.Trim()).ShouldBe(["Add Microsoft"]);
    }

    [Fact]
    public async Task The_last_way_to_sign_in_cannot_be_removed()
    {
        factory.Provider.NextUser = ("only-way-subject", "onlyway@bham.ac.uk", true);
        var app = NewHttpsClient();
        var created = await app.Http.GetAsync((await FollowProviderAsync(app, await app.SubmitAsync(await app.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["provider"] = "Microsoft" }, action: "ExternalLogin"))).Headers.Location);
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var user = await FindAsync("onlyway@bham.ac.uk");
        user.ShouldNotBeNull();
        user.PasswordHash.ShouldBeNull("an account made by Microsoft sign-in has no password");

        var refused = await app.SubmitAsync(await app.GetPageAsync(Page), new Dictionary<string, string>(), action: "handler=Remove");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await LoginsOf(user.Id)).ShouldBe([("Microsoft", "only-way-subject")]);
        var page = await app.GetPageAsync(Page);
        page.QuerySelector("main [role=alert]")!.TextContent.ShouldContain("only way to sign in");
        page.QuerySelector("main [role=status]").ShouldBeNull();
    }

    [Fact]
    public async Task A_microsoft_identity_linked_to_another_account_is_refused()
    {
        var other = await factory.CreateUserAsync("first.owner@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await AddLoginAsync(other, "shared-subject");
        var id = await factory.CreateUserAsync("second.try@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var app = await SignInWithPasswordAsync("second.try@bham.ac.uk");

        factory.Provider.NextUser = ("shared-subject", "first.owner@bham.ac.uk", true);
        var callback = await LinkThroughProviderAsync(app, await app.GetPageAsync(Page));
        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await app.GetPageAsync(Page);
        page.QuerySelector("main [role=alert]")!.TextContent.ShouldContain("already linked to another RateMyModule account");
        (await LoginsOf(id)).ShouldBeEmpty();
        (await LoginsOf(other)).ShouldBe([("Microsoft", "shared-subject")]);
    }

    [Fact]
    public async Task An_unknown_provider_is_not_found()
    {
        await factory.CreateUserAsync("unknown.provider@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var app = await SignInWithPasswordAsync("unknown.provider@bham.ac.uk");
        var response = await app.SubmitAsync(await app.GetPageAsync(Page), new Dictionary<string, string> { ["provider"] = "Google" }, action: "handler=Link");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_nav_item_is_there_only_when_a_provider_is_configured()
    {
        await factory.CreateUserAsync("nav.with@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var with = await (await SignInWithPasswordAsync("nav.with@bham.ac.uk")).GetPageAsync("/Account/Manage");
        with.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")).ShouldContain(Page);

        await plain.CreateUserAsync("nav.without@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var without = await (await plain.SignInAsync("nav.without@bham.ac.uk", Password)).GetPageAsync("/Account/Manage");
        var links = without.QuerySelectorAll("main nav a").Select(a => a.GetAttribute("href")).ToList();
        links.ShouldContain("/Account/Manage/Courses", "the nav itself is there");
        links.ShouldNotContain(Page);
    }

    // HTTPS because the OpenID Connect handler's correlation and nonce cookies are Secure.
    private FormClient NewHttpsClient()
        => new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));

    private async Task<FormClient> SignInWithPasswordAsync(string email)
    {
        var app = NewHttpsClient();
        var response = await app.SubmitAsync(await app.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return app;
    }

    /// <summary>"Add Microsoft" → the provider → back to the app's callback handler; returns the handler's response.</summary>
    private async Task<HttpResponseMessage> LinkThroughProviderAsync(FormClient app, IDocument manage)
    {
        var challenge = await app.SubmitAsync(manage, new Dictionary<string, string> { ["provider"] = "Microsoft" }, action: "handler=Link");
        var returned = await FollowProviderAsync(app, challenge);
        returned.Headers.Location!.OriginalString.ShouldStartWith(Page + "?handler=LinkCallback");
        return await app.Http.GetAsync(returned.Headers.Location);
    }

    /// <summary>The provider's authorize endpoint answers with a form that posts the code back to the app, as a browser would.</summary>
    private async Task<HttpResponseMessage> FollowProviderAsync(FormClient app, HttpResponseMessage challenge)
    {
        challenge.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        challenge.Headers.Location!.ToString().ShouldStartWith(factory.Provider.Authority + "connect/authorize");
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorized = await browser.GetAsync(challenge.Headers.Location);
        authorized.StatusCode.ShouldBe(HttpStatusCode.OK, await authorized.Content.ReadAsStringAsync());
        var postBack = await Html.ParseAsync(authorized);
        var fields = postBack.QuerySelectorAll("form input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var returned = await app.Http.PostAsync(postBack.QuerySelector("form")!.GetAttribute("action"), new FormUrlEncodedContent(fields));
        returned.StatusCode.ShouldBe(HttpStatusCode.Redirect, await returned.Content.ReadAsStringAsync());
        return returned;
    }

    private async Task AddLoginAsync(Guid userId, string subject)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<RateMyModule.Framework.Uow.UnitOfWork>();
        uow.Begin();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        (await users.AddLoginAsync((await users.FindByIdAsync(userId.ToString()))!, new UserLoginInfo("Microsoft", subject, "Microsoft"))).Succeeded.ShouldBeTrue();
        await uow.CompleteAsync();
    }

    private async Task<List<(string Provider, string Key)>> LoginsOf(Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        return (await users.GetLoginsAsync((await users.FindByIdAsync(userId.ToString()))!)).Select(l => (l.LoginProvider, l.ProviderKey)).ToList();
    }

    private async Task<AccountUser?> FindAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>().FindByEmailAsync(email);
    }
}
