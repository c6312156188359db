using Microsoft.AspNetCore.Http.Extensions;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Web.Localization;

/// <summary>A language the site offers, named in itself (a Welsh speaker looks for "Cymraeg", not "Welsh").</summary>
public sealed record SiteLanguage(string Culture, string Autonym);

/// <summary>The links of the layout's language switcher, pointing at the culture switch endpoint.</summary>
public static class CultureSwitcher
{
    public const string SwitchPath = CultureSwitchEndpoint.Path;

    public static IReadOnlyList<SiteLanguage> Languages { get; } =
        [new(FrameworkCultures.English, "English"), new(FrameworkCultures.Welsh, "Cymraeg")];

    /// <summary>
    /// <c>/culture/switch?culture=cy&amp;returnUrl=/current/path?query</c>. A <c>culture</c> or <c>ui-culture</c> in
    /// the current query (the query string culture provider's parameters) is dropped from the return URL, or it
    /// would override the choice just made.
    /// </summary>
    public static string SwitchUrl(HttpRequest request, string culture)
    {
        var returnUrl = ReturnUrl(request);
        var link = new QueryBuilder { { "culture", culture }, { "returnUrl", returnUrl } };
        return request.PathBase.Add(SwitchPath).Value + link.ToQueryString().Value;
    }

    /// <summary>The current page, without a culture of its own in the query, to come back to after the switch.</summary>
    public static string ReturnUrl(HttpRequest request)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in request.Query)
        {
            if (key.Equals("culture", StringComparison.OrdinalIgnoreCase) || key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                query.Add(key, value ?? "");
            }
        }

        var returnUrl = request.PathBase.Add(request.Path).Value + query.ToQueryString().Value;
        return string.IsNullOrEmpty(returnUrl) ? "/" : returnUrl;
    }
}
