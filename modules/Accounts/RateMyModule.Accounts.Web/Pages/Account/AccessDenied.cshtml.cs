using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace RateMyModule.Accounts.Web.Pages.Account;

/// <summary>
/// Where a signed-in user without the permission is sent: the answer is 403, as the refused request was, so
/// neither a client nor a crawler takes the explanation for the page it asked for.
/// </summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    public IActionResult OnGet()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }
}
