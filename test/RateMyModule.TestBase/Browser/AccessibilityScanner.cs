using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

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

    /// <summary>One line per violation and element, for a failing assertion's message.</summary>
    public static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.SelectMany(v => v.Nodes.Select(n => $"{v.Impact} {v.Id}: {v.Help} at {n.Target}")));
}
