using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Shouldly;

namespace RateMyModule.TestBase.Browser;

/// <summary>Runs axe-core in the page and keeps the violations that block people: impact serious or critical.</summary>
public static class AccessibilityScanner
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    public static async Task<IReadOnlyList<AxeResultItem>> FindSeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        return [.. result.Violations.Where(v => BlockingImpacts.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>
    /// Opens <paramref name="path"/> in English and in Welsh (through <c>?culture=</c>) and fails when a page does not
    /// answer <paramref name="expectedStatus"/> (200, or e.g. 403 for the access-denied page), is not in that
    /// language, or has a serious violation.
    /// </summary>
    public static async Task AssertAccessibleInEachCultureAsync(IPage page, string path, int expectedStatus = 200)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(path);
        foreach (var culture in new[] { "en", "cy" })
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var response = await page.GotoAsync($"{path}{separator}culture={culture}");
            response.ShouldNotBeNull().Status.ShouldBe(expectedStatus, $"{path} in {culture}");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(culture);
            var violations = await FindSeriousViolationsAsync(page);
            violations.ShouldBeEmpty($"{path} in {culture}:{Environment.NewLine}{Describe(violations)}");
        }
    }

    /// <summary>One line per violation and element, for a failing assertion's message.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id}: {v.Help} at {n.Target}")));
}
