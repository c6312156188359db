using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>A university page's old address, /Universities/{id}: answers 301 with /Universities/{short name}.</summary>
public sealed class ByIdModel(ICatalogueLookup catalogue) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
        => await catalogue.GetUniversityAsync(Id, cancellationToken) is { IsArchived: false } university
            ? RedirectPermanent(CataloguePaths.University(university) + Request.QueryString)
            : NotFound();
}
