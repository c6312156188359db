using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

/// <summary>An account made through a sign-in provider has no password; it can set one, and needs one to delete itself.</summary>
public sealed class SetPasswordTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string NewPassword = "Fresh-pass-2026";

    [Fact]
    public async Task An_account_without_a_password_is_sent_to_set_one_and_can_then_sign_in_with_it()
    {
        var (client, email) = await PasswordlessClientAsync("nopass@bham.ac.uk");

        var manage = await client.Http.GetAsync("/Account/Manage");
        manage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        manage.Headers.Location!.OriginalString.ShouldBe("/Account/Manage/SetPassword");

        var form = await client.GetPageAsync("/Account/Manage/SetPassword");
        var mismatch = await client.SubmitAsync(form, new Dictionary<string, string> { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = "Other-pass-2026" });
        mismatch.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(mismatch)).QuerySelector("#confirm-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var set = await client.SubmitAsync(form, new Dictionary<string, string> { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        set.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetPageAsync("/Account/Manage")).QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your password has been set.");
        (await client.Http.GetAsync("/Account/Manage/SetPassword")).Headers.Location!.OriginalString.ShouldBe("/Account/Manage");

        await factory.SignInAsync(email, NewPassword);
    }

    [Fact]
    public async Task Deleting_an_account_without_a_password_offers_to_set_one_instead_of_a_form()
    {
        var (client, _) = await PasswordlessClientAsync("nopass-delete@bham.ac.uk");

        var page = await client.GetPageAsync("/Account/Manage/Delete");

        page.QuerySelector("main form").ShouldBeNull();
        page.QuerySelector("main a[href='/Account/Manage/SetPassword']").ShouldNotBeNull();
    }

    private async Task<(FormClient Client, string Email)> PasswordlessClientAsync(string email)
    {
        var id = await factory.CreateUserAsync(email, password: null, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var signedIn = new TestUser(id, email, [AccountRoles.Student], TestCatalogue.Birmingham.Id);
        return (new FormClient(factory.CreateClientAs(signedIn, new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })), email);
    }
}
