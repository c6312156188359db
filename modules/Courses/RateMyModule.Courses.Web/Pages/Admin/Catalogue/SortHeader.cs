namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>A sortable column header: its label, the link that sorts by it, and its current direction (if any).</summary>
public sealed record SortHeader(string Label, string Url, string? AriaSort)
{
    public static SortHeader For(CatalogueListPageModel page, string column, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new SortHeader(label, page.SortUrl(column), page.AriaSort(column));
    }
}
