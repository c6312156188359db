using Microsoft.Playwright;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Accounts.Tests;

/// <summary>The users list and the create-user form in a real browser: no serious axe violation in en or cy, and the form works without JavaScript.</summary>
public sealed class AdminUsersBrowserTests(BrowserAppFixture<AccountsAppFactory> app) : IClassFixture<BrowserAppFixture<AccountsAppFactory>>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "boss@admin.ratemymodule.app", [AccountRoles.Admin]);

    [Theory]
    [InlineData("/Admin/Users")]
    [InlineData("/Admin/Users/Create")]
    public async Task Users_page_has_no_serious_accessibility_violation(string path)
    {
        await using var context = await app.NewContextAsAsync(Admin);
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(await context.NewPageAsync(), path);
    }

    [Fact]
    public async Task A_refused_address_is_said_next_to_its_field_without_javascript_and_nothing_typed_is_lost()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestUser.Header] = Admin.Encode() },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Admin/Users/Create");
        await page.GetByLabel("Email address").FillAsync("someone@gmail.com");
        await page.GetByLabel("Role").SelectOptionAsync(new SelectOptionValue { Label = "Student" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Create and send the invitation" }).ClickAsync();

        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("Free and disposable email providers cannot be used");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("someone@gmail.com");
        // No axe scan here: axe is a script, and this context runs none (it waited forever). The same form is scanned
        // with JavaScript on in both languages above.
    }
}
