using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Courses;

namespace RateMyModule.Reviews.Web.Pages.Modules;

/// <summary>
/// The module page's old address, /Modules/{id}: old links, bookmarks and mails keep working. A GET is sent on
/// permanently (301) to /Universities/{university}/Modules/{code} with its query; a post (a vote from a page
/// rendered before the move) is sent on with its method and body (308).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ByIdModel(ICatalogueLookup catalogue) : PageModel
{
    [FromRoute]
    public Guid ModuleId { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => MoveAsync(preserveMethod: false, cancellationToken);

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => MoveAsync(preserveMethod: true, cancellationToken);

    private async Task<IActionResult> MoveAsync(bool preserveMethod, CancellationToken cancellationToken)
    {
        var module = await catalogue.GetModuleAsync(ModuleId, cancellationToken);
        var university = module is null ? null : await catalogue.GetUniversityAsync(module.UniversityId, cancellationToken);
        if (module is null || university is null)
        {
            return NotFound();
        }

        // The antiforgery token travels in the body and is checked where the post lands.
        return new RedirectResult(CataloguePaths.Module(university, module) + Request.QueryString, permanent: true, preserveMethod);
    }
}
