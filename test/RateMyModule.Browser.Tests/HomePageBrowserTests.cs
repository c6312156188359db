using Microsoft.Playwright;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Browser.Tests;

public sealed class HomePageBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task Home_page_is_accessible_in_english_and_in_welsh_under_the_strict_csp()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };

        var response = await page.GotoAsync("/");
        response!.Status.ShouldBe(200);
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("RateMyModule");
        await AssertNoSeriousViolationsAsync(page);

        // The switcher points at the culture switch endpoint with the page to come back to.
        var welshLink = page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" });
        (await welshLink.GetAttributeAsync("href")).ShouldBe("/culture/switch?culture=cy&returnUrl=%2F");
        (await welshLink.GetAttributeAsync("lang")).ShouldBe("cy");

        await welshLink.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("cy");
        (await page.Locator("main p").First.TextContentAsync())!.ShouldStartWith("Mae myfyrwyr yn rhoi sgôr");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cymraeg" })).ToHaveAttributeAsync("aria-current", "true");
        await AssertNoSeriousViolationsAsync(page);

        // Bootstrap and htmx loaded from our own origin and ran; nothing was missing or refused by the
        // Content-Security-Policy (a refusal is reported as a console error).
        (await page.EvaluateAsync<bool>("() => typeof window.htmx === 'object' && typeof window.bootstrap === 'object'")).ShouldBeTrue();
        consoleErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task Skip_link_appears_on_focus_and_moves_to_the_main_content()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }

    private static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var violations = await AccessibilityScanner.FindSeriousViolationsAsync(page);
        violations.ShouldBeEmpty(AccessibilityScanner.Describe(violations));
    }
}
