using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>A university's courses and their modules, with each module's review count and average rating.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class DetailsModel(CatalogueBrowser browser) : PageModel
{
    public UniversityPage University { get; private set; } = null!;

    public bool IsOwnUniversity { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var page = await browser.GetUniversityPageAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        University = page;
        IsOwnUniversity = UniversityChoice.IsFromClaim(HttpContext);
        if (!IsOwnUniversity)
        {
            UniversityChoice.Remember(HttpContext, id);
        }

        return Page();
    }
}
