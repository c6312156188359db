using Microsoft.Playwright;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Accounts.Tests;

/// <summary>The anonymous account pages in a real browser: no serious axe violation, in English and in Welsh.</summary>
public sealed class AccountPagesBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Account/ForgotPassword")]
    [InlineData("/Account/ResendConfirmation")]
    [InlineData("/Account/RegisterConfirmation")]
    [InlineData("/Account/AccessDenied", 403)]
    [InlineData("/Account/Lockout")]
    [InlineData("/Account/Logout")]
    [InlineData("/Account/ResetPassword?code=not-a-code")]
    [InlineData("/Account/ExternalLogin?handler=Callback")]
    [InlineData("/Account/ConfirmEmail?userId=00000000-0000-0000-0000-000000000001&code=expired")]
    [InlineData("/Account/ConfirmEmailChange?userId=00000000-0000-0000-0000-000000000001&email=a%40bham.ac.uk&code=expired")]
    public async Task Account_page_has_no_serious_accessibility_violation(string path, int status = 200)
    {
        await using var context = await app.NewContextAsync();
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(await context.NewPageAsync(), path, status);
    }

    [Fact]
    public async Task Signing_in_with_a_wrong_password_says_so_without_javascript()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email address").FillAsync("nobody@bham.ac.uk");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Wrong-pass-1");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("The email address or password is not right.");
    }
}
