using Microsoft.Playwright;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// The linked-logins page with a provider configured, and the pages of an account made through a provider (no
/// password), in a real browser: no serious axe violation in en or cy.
/// </summary>
public sealed class ExternalLoginsBrowserTests(BrowserAppFixture<GoogleConfiguredAppFactory> app) : IClassFixture<BrowserAppFixture<GoogleConfiguredAppFactory>>
{
    private const string Password = "Linked-pass-2026";

    [Fact]
    public async Task Linked_logins_page_has_no_serious_accessibility_violation()
    {
        const string email = "linker@bham.ac.uk";
        await app.App.CreateUserAsync(email, Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login?returnUrl=%2FAccount%2FManage%2FExternalLogins");
        var main = page.GetByRole(AriaRole.Main);
        await main.GetByLabel("Email address").FillAsync(email);
        await main.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await main.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(main.GetByRole(AriaRole.Button, new() { Name = "Add Google" })).ToBeVisibleAsync();

        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Account/Manage/ExternalLogins");
    }

    [Theory]
    [InlineData("/Account/Manage/SetPassword")]
    [InlineData("/Account/Manage/Delete")]
    [InlineData("/Account/Manage/ExternalLogins")]
    public async Task Pages_of_an_account_without_a_password_have_no_serious_accessibility_violation(string path)
    {
        var email = $"provider-only-{path.Length}-{Guid.NewGuid():N}@bham.ac.uk";
        var id = await app.App.CreateUserAsync(email, password: null, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await using var context = await app.NewContextAsAsync(new TestUser(id, email, [AccountRoles.Student], TestCatalogue.Birmingham.Id));
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(await context.NewPageAsync(), path);
    }
}
