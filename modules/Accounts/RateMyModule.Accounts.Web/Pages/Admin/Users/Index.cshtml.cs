using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Administration;
using RateMyModule.Courses;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

[Authorize(Policy = AccountsPermissions.ManageUsers)]
public sealed class IndexModel(UserAdministration administration, ICatalogueLookup catalogue) : PageModel
{
    /// <summary>Every role the list can be narrowed to.</summary>
    public static readonly IReadOnlyList<string> FilterRoles = [AccountRoles.Student, AccountRoles.Moderator, AccountRoles.UniversityAdmin, AccountRoles.Admin];

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Confirmed { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Locked { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public AdminUserPage Users { get; private set; } = new([], null);

    /// <summary>The universities an Admin may narrow to; empty for a UniversityAdmin, whose list is fixed to their own.</summary>
    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var isAdmin = User.IsInRole(AccountRoles.Admin);
        if (isAdmin)
        {
            Universities = [.. (await catalogue.GetUniversitiesAsync(cancellationToken)).OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        }
        else
        {
            University = Guid.TryParse(User.FindFirstValue(AccountClaimTypes.UniversityId), out var own) ? own : null;
        }

        var role = Role is not null && FilterRoles.Contains(Role) ? Role : null;
        Users = await administration.ListAsync(User, new AdminUserFilter(Search, University, role, Confirmed, Locked), After, cancellationToken);
    }
}
