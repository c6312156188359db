using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Administration;

namespace RateMyModule.Accounts.Web.Pages.Admin.Roles;

[Authorize(Policy = AccountsPermissions.ManageRoles)]
public sealed class IndexModel(RolePermissionAdministration administration) : PageModel
{
    public IReadOnlyList<RolePermissions> Roles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Roles = await administration.ListAsync(cancellationToken);
}
