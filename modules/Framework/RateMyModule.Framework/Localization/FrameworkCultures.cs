using System.Globalization;

namespace RateMyModule.Framework.Localization;

/// <summary>The cultures the product speaks. English is the default and the last fallback of every lookup.</summary>
public static class FrameworkCultures
{
    public const string English = "en";

    public const string Welsh = "cy";

    public const string Default = English;

    public static IReadOnlyList<string> Supported { get; } = [English, Welsh];

    /// <summary>
    /// The cultures a lookup for <paramref name="culture"/> tries, most specific first: cy-GB → cy → en.
    /// </summary>
    public static IReadOnlyList<string> FallbackChain(CultureInfo culture, string defaultCulture)
    {
        var chain = new List<string>();
        for (var current = culture; !string.IsNullOrEmpty(current.Name); current = current.Parent)
        {
            chain.Add(current.Name);
        }

        if (!chain.Contains(defaultCulture, StringComparer.OrdinalIgnoreCase))
        {
            chain.Add(defaultCulture);
        }

        return chain;
    }
}
