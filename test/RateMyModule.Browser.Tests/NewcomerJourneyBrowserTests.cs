using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RateMyModule.TestBase.Browser;

namespace RateMyModule.Browser.Tests;

/// <summary>A newcomer, over the demo data, from the home page to a module: by searching, and by a university's ranking.</summary>
public sealed partial class NewcomerJourneyBrowserTests(BrowserAppFixture<DemoWebAppFactory> app) : IClassFixture<BrowserAppFixture<DemoWebAppFactory>>
{
    private static readonly int[] Widths = [1280, 1024, 768, 390];

    [Fact]
    public async Task A_newcomer_finds_a_module_by_searching_from_the_home_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await AssertFitsEveryWidthAsync(page);

        await page.GetByLabel("Find a module by name or code").PressSequentiallyAsync("Advanced Phys");
        var suggestion = page.Locator("#module-suggestions a").First;
        await Assertions.Expect(suggestion).ToHaveTextAsync("Advanced Physics");
        await suggestion.ClickAsync();

        await page.WaitForURLAsync(ModuleAddress());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Advanced Physics");
        await AssertFitsEveryWidthAsync(page);
    }

    [Fact]
    public async Task A_newcomer_finds_a_module_by_a_universitys_ranking_and_the_home_page_remembers_the_university()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Aberystwyth University" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Universities/aber");
        await page.GetByRole(AriaRole.Link, new() { Name = "Top rated" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).Query.Contains("sort=top-rated", StringComparison.Ordinal));
        await AssertFitsEveryWidthAsync(page);
        var first = page.Locator("main section table tbody tr th a").First;
        var name = await first.TextContentAsync();
        await first.ClickAsync();

        await page.WaitForURLAsync(ModuleAddress());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name!);

        // Back home, the chosen university's lists: at least five modules a click away.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Modules at Aberystwyth University" })).ToBeVisibleAsync();
        (await page.Locator("main a[href^='/Universities/aber/Modules/']").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
        await AssertFitsEveryWidthAsync(page);
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, "/");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Universities/uob?sort=hardest")]
    [InlineData("/Universities/uob/Modules/06-10001")]
    public async Task The_pages_of_the_journey_are_accessible_in_english_and_welsh(string path)
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await AccessibilityScanner.AssertAccessibleInEachCultureAsync(page, path);
        await AssertFitsEveryWidthAsync(page);
    }

    /// <summary>No sideways scrolling at a desktop, a laptop, a tablet and a phone width.</summary>
    private static async Task AssertFitsEveryWidthAsync(IPage page)
    {
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            overflow.ShouldBeLessThanOrEqualTo(0, $"{page.Url} overflows sideways by {overflow}px at {width}px");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private static Regex ModuleAddress() => ModuleAddressPattern();

    [GeneratedRegex("/Universities/[a-z]+/Modules/[^/?#]+$")]
    private static partial Regex ModuleAddressPattern();
}
