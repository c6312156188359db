using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>/Admin/Catalogue opens on the modules, the list university admins use most.</summary>
[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Modules/Index");
}
