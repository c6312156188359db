using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Web.Pages.Catalogue;

/// <summary>Module search: the full results page, and the htmx fragment of suggestions for the same query.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class SearchModel(CatalogueBrowser browser) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    public IReadOnlyList<ModuleSuggestion> Results { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Results = await browser.SearchModulesAsync(Query, University, 50, cancellationToken);

    public async Task<IActionResult> OnGetSuggestionsAsync(CancellationToken cancellationToken)
    {
        Results = await browser.SearchModulesAsync(Query, University, CatalogueBrowser.MaxSuggestions, cancellationToken);
        return Partial("_ModuleSuggestions", this);
    }
}
