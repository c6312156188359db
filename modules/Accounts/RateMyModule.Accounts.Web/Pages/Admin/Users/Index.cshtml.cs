using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Administration;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

[Authorize(Roles = AccountRoles.Admin + "," + AccountRoles.UniversityAdmin)]
public sealed class IndexModel(UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public AdminUserPage Users { get; private set; } = new([], null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Users = await administration.ListAsync(User, Search, After, cancellationToken);
}
