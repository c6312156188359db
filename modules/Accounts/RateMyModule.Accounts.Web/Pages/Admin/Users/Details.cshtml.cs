using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Administration;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

[Authorize(Roles = AccountRoles.Admin + "," + AccountRoles.UniversityAdmin)]
public sealed class DetailsModel(UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public AdminUserRow? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await administration.FindAsync(User, Id, cancellationToken);
        return Account is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
        => await administration.SetRolesAsync(User, Id, Roles, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken)
        => await administration.SetLockedAsync(User, Id, locked: true, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
        => await administration.SetLockedAsync(User, Id, locked: false, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();
}
