using Microsoft.Playwright;
using RateMyModule.Browser.Tests.Infrastructure;

namespace RateMyModule.Browser.Tests;

/// <summary>The module page and the search in a real browser: appending reviews, keyboard suggestions, legible charts.</summary>
public sealed class ModulePageBrowserTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public async Task More_reviews_appends_the_next_page_and_moves_the_focus_to_the_first_new_review()
    {
        var demo = await DemoData.LoadAsync(site.App);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        // The id address answers with a redirect to the module's own address, which is the page's URL from then on.
        await page.GotoAsync($"/Modules/{demo.MostReviewedModuleId}");
        var url = new Uri(page.Url).PathAndQuery;
        var items = page.Locator("#review-items > li");
        var before = await items.CountAsync();
        before.ShouldBeGreaterThan(0);

        var more = page.GetByRole(AriaRole.Link, new() { Name = "More reviews" });
        await more.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(items).Not.ToHaveCountAsync(before);
        (await items.CountAsync()).ShouldBeGreaterThan(before, "the next page is added under the first, not in its place");
        (await page.EvaluateAsync<int>("() => Array.prototype.indexOf.call(document.getElementById('review-items').children, document.activeElement)")).ShouldBe(before);
        new Uri(page.Url).PathAndQuery.ShouldBe(url, "appending is not a new page in the history");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "First page" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_search_keeps_its_query_and_the_down_arrow_moves_into_the_suggestions()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Catalogue/Search?q=Science");
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = "Find a module by name or code" });
        await Assertions.Expect(box).ToHaveValueAsync("Science");

        await box.FillAsync("Found");
        var suggestions = page.Locator("#module-suggestions a");
        await Assertions.Expect(suggestions.First).ToBeVisibleAsync();
        await box.PressAsync("ArrowDown");
        await Assertions.Expect(suggestions.First).ToBeFocusedAsync();
        if (await suggestions.CountAsync() > 1)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(suggestions.Nth(1)).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowUp");
        }

        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(box).ToBeFocusedAsync();
    }

    [Fact]
    public async Task On_a_phone_no_chart_label_is_under_11_px_and_the_last_year_is_not_cut_off()
    {
        var demo = await DemoData.LoadAsync(site.App);
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/Modules/{demo.MostReviewedModuleId}?from=&to=");

        var smallest = await page.EvaluateAsync<double>("""
            () => Math.min(...[...document.querySelectorAll('svg text')]
                .filter(t => t.getBoundingClientRect().width > 0)
                .map(t => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getBoundingClientRect().width / t.ownerSVGElement.viewBox.baseVal.width))
            """);
        smallest.ShouldBeGreaterThanOrEqualTo(11);

        var overhang = await page.EvaluateAsync<double>("""
            () => {
              const labels = [...document.querySelectorAll('svg.line-chart .axis-label-x')].filter(t => t.getBoundingClientRect().width > 0);
              if (labels.length === 0) { return Infinity; }
              const last = labels[labels.length - 1];
              return last.getBoundingClientRect().right - last.ownerSVGElement.getBoundingClientRect().right;
            }
            """);
        overhang.ShouldBeLessThanOrEqualTo(0, "the last year's label ends inside the chart");

        // A range the wrong way round says so next to the fields, without a reload.
        await page.GetByLabel("From", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = await page.Locator("#trend-from option").CountAsync() - 1 });
        await page.GetByLabel("To", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        if (await page.Locator("#trend-from option").CountAsync() > 2)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Show trend" }).ClickAsync();
            await Assertions.Expect(page.Locator("#trend-range-error")).ToHaveTextAsync("“From” must be the same year as “To” or an earlier one.");
            await Assertions.Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("“From” must be the same year as “To” or an earlier one.");
        }
    }
}
