using Microsoft.Playwright;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase.Authentication;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Sample.Tests;

public sealed class SampleBrowserTests(BrowserAppFixture browser) : IClassFixture<BrowserAppFixture>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "admin@example.test", [FrameworkRoles.Admin]);

    [Fact]
    public async Task An_admin_adds_an_item_in_the_browser_and_both_pages_have_no_serious_axe_violation_in_english_or_welsh()
    {
        await using var context = await browser.NewContextAsAsync(Admin);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Admin/Sample");
        await page.GetByLabel("Name").FillAsync("Seen in a browser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The item was added.");

        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Admin/Sample");
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/Sample");
        await Assertions.Expect(page.GetByText("Seen in a browser")).ToBeVisibleAsync();
    }
}
