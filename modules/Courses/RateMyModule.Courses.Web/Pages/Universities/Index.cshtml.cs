using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>The university picker. A member goes straight to their own university; a visitor's pick is remembered.</summary>
public sealed class IndexModel(CatalogueBrowser browser) : PageModel
{
    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public Guid? Current { get; private set; }

    [BindProperty]
    public Guid? University { get; set; }

    public async Task<IActionResult> OnGetAsync(bool change, CancellationToken cancellationToken)
    {
        Current = UniversityChoice.Current(HttpContext);
        if (!change && Current is { } current && await browser.FindUniversityAsync(current, cancellationToken) is { } university)
        {
            return LocalRedirect(CataloguePaths.University(university));
        }

        Universities = await browser.GetUniversitiesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (University is { } id && await browser.FindUniversityAsync(id, cancellationToken) is { } university)
        {
            UniversityChoice.Remember(HttpContext, id);
            return LocalRedirect(CataloguePaths.University(university));
        }

        Universities = await browser.GetUniversitiesAsync(cancellationToken);
        return Page();
    }
}
