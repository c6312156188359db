using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.TestBase;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Web.Api;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// A session ends for real: a copy of its cookie taken before sign-out, a lock, a role change or a password change
/// is refused at its next request, and the "Signed-in devices" page ends one device or all of them.
/// </summary>
public sealed class SessionRevocationTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Session-pass-2026";

    private static readonly TestUser Admin = new(Guid.NewGuid(), "keeper@admin.ratemymodule.app", [AccountRoles.Admin]);

    [Fact]
    public async Task A_cookie_copied_before_sign_out_is_refused_after_it()
    {
        await factory.CreateUserAsync("copied@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var (owner, cookie) = await SignInAsync("copied@bham.ac.uk", Password);
        var thief = WithCookie(cookie);
        (await thief.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var manage = await owner.GetPageAsync("/Account/Manage/Courses");
        var token = manage.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var signedOut = await owner.Http.PostAsync("/Account/Logout", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await thief.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await thief.GetAsync("/Account/Manage/Courses")).Headers.Location!.OriginalString.ShouldStartWith("http://localhost/Account/Login");
    }

    [Fact]
    public async Task A_user_locked_by_an_admin_is_signed_out_at_the_next_request()
    {
        var id = await factory.CreateUserAsync("locked@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var (user, _) = await SignInAsync("locked@bham.ac.uk", Password);
        (await user.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = new FormClient(factory.CreateClientAs(Admin));
        (await admin.SubmitAsync(await admin.GetPageAsync($"/Admin/Users/{id}"), new Dictionary<string, string>(), action: "handler=Lock"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await user.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_moderator_whose_role_is_removed_loses_moderation_at_the_next_request()
    {
        var id = await factory.CreateUserAsync("demoted@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Moderator);
        var (moderator, _) = await SignInAsync("demoted@bham.ac.uk", Password);
        (await moderator.Http.GetAsync("/Admin/Moderation")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var admin = new FormClient(factory.CreateClientAs(Admin));
        (await admin.SubmitAsync(await admin.GetPageAsync($"/Admin/Users/{id}"), new Dictionary<string, string> { ["Roles"] = "" }, action: "handler=Roles"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // What a visitor gets, as the session is gone.
        var visitor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await moderator.Http.GetAsync("/Admin/Moderation")).StatusCode.ShouldBe((await visitor.GetAsync("/Admin/Moderation")).StatusCode);
        (await moderator.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_keeps_this_session_and_ends_the_others()
    {
        await factory.CreateUserAsync("changer@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var (laptop, _) = await SignInAsync("changer@bham.ac.uk", Password);
        var (phone, _) = await SignInAsync("changer@bham.ac.uk", Password);

        var changed = await laptop.SubmitAsync(await laptop.GetPageAsync("/Account/Manage"), new Dictionary<string, string>
        {
            ["CurrentPassword"] = Password,
            ["NewPassword"] = "Changed-pass-2026-x",
        });
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await laptop.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await phone.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signed_in_devices_lists_each_session_and_ends_one_or_all()
    {
        await factory.CreateUserAsync("devices@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var (laptop, _) = await SignInAsync("devices@bham.ac.uk", Password);
        var (phone, _) = await SignInAsync("devices@bham.ac.uk", Password);
        var (tablet, _) = await SignInAsync("devices@bham.ac.uk", Password);

        var page = await laptop.GetPageAsync("/Account/Manage/Sessions");
        var rows = page.QuerySelectorAll("main tbody tr");
        rows.Length.ShouldBe(3);
        rows.Count(r => r.QuerySelector(".badge") is not null).ShouldBe(1);

        // Ending a device other than this one: the first row without the "this device" mark.
        var other = rows.First(r => r.QuerySelector(".badge") is null).QuerySelector("form")!.GetAttribute("action")!;
        (await laptop.SubmitAsync(page, new Dictionary<string, string>(), action: other)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stillIn = 0;
        foreach (var device in new[] { phone, tablet })
        {
            stillIn += (await device.Http.GetAsync(MeEndpoint.Path)).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        stillIn.ShouldBe(1);
        (await laptop.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await laptop.GetPageAsync("/Account/Manage/Sessions")).QuerySelectorAll("main tbody tr").Length.ShouldBe(2);

        var everywhere = await laptop.SubmitAsync(await laptop.GetPageAsync("/Account/Manage/Sessions"), new Dictionary<string, string>(), action: "handler=EndAll");
        everywhere.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        foreach (var device in new[] { laptop, phone, tablet })
        {
            (await device.Http.GetAsync(MeEndpoint.Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task A_signed_in_request_reads_its_session_with_one_query()
    {
        // The recorder follows the async flow, which must reach into the server (from the client made next) for it
        // to see the request's commands.
        factory.Server.PreserveExecutionContext = true;
        await factory.CreateUserAsync("cheap@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var (user, _) = await SignInAsync("cheap@bham.ac.uk", Password);

        using var recorder = SqlCommandRecorder.Start();
        (await user.Http.GetAsync("/robots.txt")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await user.Http.GetAsync("/Account/AccessDenied")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Static files come before authentication; the page is one session read, and no user or role load.
        var commands = recorder.Commands;
        commands.Count(c => c.Sql.Contains("\"AccSessions\"", StringComparison.Ordinal)).ShouldBe(1);
        commands.ShouldNotContain(c => c.Sql.Contains("\"AccUserRoles\"", StringComparison.Ordinal) || c.Sql.Contains("\"AccUserClaims\"", StringComparison.Ordinal));
    }

    /// <summary>Signs in through the form and returns the client with the session cookie as it was set.</summary>
    private async Task<(FormClient Client, string Cookie)> SignInAsync(string email, string password)
    {
        var client = new FormClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rmm.auth=", StringComparison.Ordinal));
        return (client, cookie[..cookie.IndexOf(';', StringComparison.Ordinal)]);
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
