using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>
/// The query string of a list (search, archived filter, sort, direction, keyset cursor) and the links that change
/// one part of it while keeping the rest; plain GET links, so lists work without JavaScript.
/// </summary>
public abstract class CatalogueListPageModel(IStringLocalizer<CoursesResource> localizer) : CataloguePageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>"active", "archived" or empty for both.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Archived { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    protected abstract string DefaultSort { get; }

    public string CurrentSort => string.IsNullOrEmpty(Sort) ? DefaultSort : Sort;

    protected bool? ArchivedFilter => Archived switch
    {
        "active" => false,
        "archived" => true,
        _ => null,
    };

    protected PageRequest PageRequest => new(CurrentSort, Desc, After);

    /// <summary>The filters that narrow the list, besides search and archived (university, course).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraFilters => [];

    /// <summary>Sorting by <paramref name="column"/>: ascending first, then the other way when it is the current column.</summary>
    public string SortUrl(string column)
        => Link(column, string.Equals(column, CurrentSort, StringComparison.OrdinalIgnoreCase) && !Desc, after: null);

    /// <summary>aria-sort for a column header: the current column says its direction, others say nothing.</summary>
    public string? AriaSort(string column)
        => string.Equals(column, CurrentSort, StringComparison.OrdinalIgnoreCase) ? (Desc ? "descending" : "ascending") : null;

    public string NextPageUrl(string cursor) => Link(CurrentSort, Desc, cursor);

    public string FirstPageUrl() => Link(CurrentSort, Desc, after: null);

    private string Link(string sort, bool desc, string? after)
    {
        var values = new Dictionary<string, string?>
        {
            ["search"] = Search,
            ["archived"] = Archived,
            ["sort"] = sort,
            ["desc"] = desc ? "true" : null,
            ["after"] = after,
        };
        foreach (var (key, value) in ExtraFilters)
        {
            values[key] = value;
        }

        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return Request.Path + (query.Length > 0 ? "?" + query : "");
    }
}
