using Microsoft.Playwright;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Accounts.Tests;

/// <summary>The roles screens in a real browser: usable from the keyboard alone, no serious axe violation in en or cy.</summary>
public sealed class AdminRolesBrowserTests(BrowserAppFixture<AccountsAppFactory> app) : IClassFixture<BrowserAppFixture<AccountsAppFactory>>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "boss@admin.ratemymodule.app", [AccountRoles.Admin]);

    [Fact]
    public async Task An_admin_gives_students_a_permission_with_the_keyboard()
    {
        await using var context = await app.NewContextAsAsync(Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Admin/Roles");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the permissions of Student" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Permissions of Student" })).ToBeVisibleAsync();

        var tags = page.GetByRole(AriaRole.Checkbox, new() { Name = "Manage tags" });
        await Assertions.Expect(tags).Not.ToBeCheckedAsync();
        await tags.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The permissions of Student were saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Manage tags" })).ToBeCheckedAsync();
    }

    [Theory]
    [InlineData("/Admin/Roles")]
    [InlineData("/Admin/Roles/Moderator")]
    [InlineData("/Admin/Roles/Admin")]
    public async Task Roles_page_has_no_serious_accessibility_violation(string path)
    {
        await using var context = await app.NewContextAsAsync(Admin);
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(await context.NewPageAsync(), path);
    }
}
