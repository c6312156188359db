using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Administration;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Accounts.Web.Pages.Admin.Roles;

/// <summary>One role's permissions as checkboxes, grouped by the module that defines them.</summary>
[Authorize(Policy = AccountsPermissions.ManageRoles)]
public sealed class EditModel(
    RolePermissionAdministration administration,
    PermissionDefinitionManager definitions,
    IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Name { get; set; } = "";

    /// <summary>The permissions ticked; on a refused save, what the admin ticked (not what is stored).</summary>
    [BindProperty]
    public List<string> Permissions { get; set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public RolePermissions? Role { get; private set; }

    public IReadOnlyList<PermissionGroupDefinition> Groups => definitions.Groups;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Role = await administration.FindAsync(Name, cancellationToken);
        if (Role is null)
        {
            return NotFound();
        }

        Permissions = [.. Role.Granted];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Role = await administration.FindAsync(Name, cancellationToken);
        if (Role is null)
        {
            return NotFound();
        }

        var refusal = await administration.SetAsync(Role, Permissions, cancellationToken);
        switch (refusal)
        {
            case RolePermissionsRefusal.None:
                StatusMessage = l["RolePermissionsSaved", l["Role:" + Role.Name]];
                return RedirectToPage(new { Name });
            case RolePermissionsRefusal.FixedRole:
                ModelState.AddModelError(nameof(Permissions), l["AdminRoleIsFixed"]);
                break;
            default:
                ModelState.AddModelError(nameof(Permissions), l["UnknownPermission"]);
                break;
        }

        return BadRequestPage();
    }

    /// <summary>A refused save answers 400 with the form as the admin left it.</summary>
    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
