using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Administration;
using RateMyModule.Courses;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

[Authorize(Policy = AccountsPermissions.ManageUsers)]
public sealed class IndexModel(
    UserAdministration administration, ICatalogueLookup catalogue, IEnumerable<IUserListCountContributor> columns, IStringLocalizerFactory localizers)
    : PageModel
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

    /// <summary>The first day of sign-ups to list.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? SignedUpFrom { get; set; }

    /// <summary>The last day of sign-ups to list.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? SignedUpTo { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    /// <summary>Every university's name by id, for the University column.</summary>
    public IReadOnlyDictionary<Guid, string> UniversityNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The other modules' columns: a localized heading and each listed user's count.</summary>
    public IReadOnlyList<(string Heading, IReadOnlyDictionary<Guid, int> Counts)> Columns { get; private set; } = [];

    public AdminUserPage Users { get; private set; } = new([], null);

    /// <summary>The universities an Admin may narrow to; empty for a UniversityAdmin, whose list is fixed to their own.</summary>
    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var isAdmin = User.IsInRole(AccountRoles.Admin);
        var universities = await catalogue.GetUniversitiesAsync(cancellationToken);
        UniversityNames = universities.ToDictionary(u => u.Id, u => u.Name);
        if (isAdmin)
        {
            Universities = [.. universities.OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        }
        else
        {
            University = Guid.TryParse(User.FindFirstValue(AccountClaimTypes.UniversityId), out var own) ? own : null;
        }

        var role = Role is not null && FilterRoles.Contains(Role) ? Role : null;
        Users = await administration.ListAsync(
            User, new AdminUserFilter(Search, University, role, Confirmed, Locked, SignedUpFrom, SignedUpTo), After, cancellationToken);
        var ids = Users.Rows.Select(u => u.Id).ToList();
        var columnValues = new List<(string, IReadOnlyDictionary<Guid, int>)>();
        foreach (var column in columns)
        {
            columnValues.Add((localizers.Create(column.LocalizationResource)[column.LabelKey].Value, await column.CountAsync(ids, cancellationToken)));
        }

        Columns = columnValues;
    }
}
