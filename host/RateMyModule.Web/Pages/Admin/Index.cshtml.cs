using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Web.Pages.Admin;

/// <summary>The administration start page: every admin page the user may open, from every module's Admin menu.</summary>
[Authorize]
public sealed class IndexModel(IMenuManager menus) : PageModel
{
    public IReadOnlyList<MenuItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Items = await menus.GetAsync(StandardMenus.Admin, cancellationToken);
        return Items.Count == 0 ? NotFound() : Page();
    }
}
