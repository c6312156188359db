using System.Globalization;
using Microsoft.Extensions.Localization;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// Looks a key up in the current UI culture, then its parent language, then the default culture; in each culture
/// the resource itself is asked before its base resources, so Welsh from the shared texts beats English from the
/// module. A key found nowhere comes back as itself with <see cref="LocalizedString.ResourceNotFound"/> set.
/// </summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private readonly IReadOnlyList<JsonLocalizationResource> _chain;
    private readonly JsonLocalizationTextStore _store;
    private readonly string _defaultCulture;

    /// <param name="chain">The resource first, then its base resources in fallback order.</param>
    public JsonStringLocalizer(IReadOnlyList<JsonLocalizationResource> chain, JsonLocalizationTextStore store, string defaultCulture)
    {
        ArgumentOutOfRangeException.ThrowIfZero(chain.Count);
        _chain = chain;
        _store = store;
        _defaultCulture = defaultCulture;
    }

    public JsonLocalizationResource Resource => _chain[0];

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var text = Find(name);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null, searchedLocation: Resource.Name);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var text = Find(name);
            var formatted = string.Format(CultureInfo.CurrentCulture, text ?? name, arguments);
            return new LocalizedString(name, formatted, resourceNotFound: text is null, searchedLocation: Resource.Name);
        }
    }

    /// <summary>
    /// Every key this localizer can answer in the current UI culture (with <paramref name="includeParentCultures"/>,
    /// also the keys only the parent or default culture has), each with the text a lookup would return.
    /// </summary>
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var cultures = FrameworkCultures.FallbackChain(CultureInfo.CurrentUICulture, _defaultCulture);
        if (!includeParentCultures)
        {
            cultures = [cultures[0]];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in cultures)
        {
            foreach (var resource in _chain)
            {
                foreach (var (key, text) in _store.GetTexts(resource, culture))
                {
                    if (seen.Add(key))
                    {
                        yield return new LocalizedString(key, text, resourceNotFound: false, searchedLocation: resource.Name);
                    }
                }
            }
        }
    }

    private string? Find(string name)
    {
        foreach (var culture in FrameworkCultures.FallbackChain(CultureInfo.CurrentUICulture, _defaultCulture))
        {
            foreach (var resource in _chain)
            {
                if (_store.GetTexts(resource, culture).TryGetValue(name, out var text))
                {
                    return text;
                }
            }
        }

        return null;
    }
}
