using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Shouldly;

namespace RateMyModule.TestBase.Browser;

/// <summary>One rule axe found broken, with the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets);

/// <summary>
/// Runs axe-core (the copy bundled with Deque.AxeCore) in the page and keeps the violations that block people:
/// impact serious or critical. Every rule runs, on the page as it is now.
/// </summary>
/// <remarks>
/// axe is run in the page directly rather than through Deque.AxeCore.Playwright's <c>RunAxe</c>: that one injects
/// axe into the page on every call, serializes every passing element of every rule back to the test, and finishes
/// each run in a blank page of its own (its frame-aware mode). That took 3 s per scan of a small page on the
/// 2-core CI machine, against 0.15 s for the scan itself, and the scans were most of CI's time. The pages have no
/// frames, so nothing is lost.
/// </remarks>
public static class AccessibilityScanner
{
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Scan = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'], iframes: false });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> FindSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply to it; once
        // per document, as a navigation starts a new one.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var found = await page.EvaluateAsync<JsonElement>(Scan);
        return [.. found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
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
    public static string Describe(IEnumerable<AxeViolation> violations) =>
        string.Join(Environment.NewLine, violations.SelectMany(v => v.Targets.Select(target => $"{v.Impact} {v.Id}: {v.Help} at {target}")));
}
