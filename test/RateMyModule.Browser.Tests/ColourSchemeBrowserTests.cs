using Microsoft.Playwright;
using RateMyModule.Browser.Tests.Infrastructure;
using static RateMyModule.Browser.Tests.Infrastructure.SiteActions;

namespace RateMyModule.Browser.Tests;

/// <summary>
/// Dark mode: follows the device, the toggle's choice is kept in a cookie and wins, it works without JavaScript,
/// and the pages stay accessible (contrast included) in both schemes. With <c>SCREENSHOTS_DIR</c> set, the
/// README's screenshots are written there (<c>scripts/screenshots.sh</c>).
/// </summary>
public sealed class ColourSchemeBrowserTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public async Task A_dark_device_gets_dark_pages_until_the_toggle_chooses_light_which_is_remembered()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        await page.GotoAsync("/");
        var html = page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("data-bs-theme", "dark");
        await Assertions.Expect(html).ToHaveClassAsync("js");

        var theme = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Theme" });
        await theme.ClickAsync();
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Light" }).ClickAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        (await context.CookiesAsync()).Single(c => c.Name == "rmm-theme").Value.ShouldBe("light");

        await page.ReloadAsync();
        await Assertions.Expect(html).ToHaveAttributeAsync("data-bs-theme", "light");
        await Assertions.Expect(page.GetByRole(AriaRole.Banner).Locator("[data-scheme-choice=light]")).ToHaveAttributeAsync("aria-current", "true");
        consoleErrors.ShouldBeEmpty("the scheme script runs under the Content-Security-Policy");
    }

    [Fact]
    public async Task Without_javascript_the_toggle_is_a_link_and_the_server_renders_the_choice()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Universities");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");

        // Without a script the menus are laid out open, so the choice is a plain link.
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Dark" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "dark");
        new Uri(page.Url).AbsolutePath.ShouldStartWith("/Universities");
    }

    [Fact]
    public async Task Home_module_page_and_my_reviews_fit_and_are_accessible_light_and_dark_at_desktop_and_phone_widths()
    {
        var demo = await DemoData.LoadAsync(site.App);
        var folder = Environment.GetEnvironmentVariable("SCREENSHOTS_DIR");
        var pages = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("module", $"/Modules/{demo.MostReviewedModuleId}"),
            ("my-reviews", "/Account/Manage/Reviews"),
        };
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString(), ColorScheme = scheme });
            var page = await context.NewPageAsync();
            await SignInAsync(page, demo.StudentEmail);
            foreach (var (name, path) in pages)
            {
                foreach (var width in new[] { 1280, 390 })
                {
                    await page.SetViewportSizeAsync(width, width > 400 ? 900 : 844);
                    (await page.GotoAsync(path))!.Status.ShouldBe(200);
                    await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", scheme == ColorScheme.Dark ? "dark" : "light");
                    await AssertFitsAsync(page, $"{name} ({scheme})");
                    await AssertAccessibleAsync(page);
                    if (!string.IsNullOrEmpty(folder))
                    {
                        Directory.CreateDirectory(folder);
                        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png") });
                    }
                }
            }
        }
    }
}
