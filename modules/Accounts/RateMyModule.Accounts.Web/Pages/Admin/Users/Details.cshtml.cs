using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Administration;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

[Authorize(Policy = AccountsPermissions.ManageUsers)]
public sealed class DetailsModel(UserAdministration administration, IEnumerable<IUserActivityContributor> activity, IStringLocalizerFactory localizers) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public AdminUserRow? Account { get; private set; }

    /// <summary>What the user made, counted by each module that contributes, with the labels already localized.</summary>
    public IReadOnlyList<(string Label, int Count)> Activity { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Account = await administration.FindAsync(User, Id, cancellationToken);
        if (Account is null)
        {
            return NotFound();
        }

        var counts = new List<(string, int)>();
        foreach (var contributor in activity)
        {
            var localizer = localizers.Create(contributor.LocalizationResource);
            counts.AddRange((await contributor.CountAsync(Account.Id, cancellationToken)).Select(c => (localizer[c.LabelKey].Value, c.Count)));
        }

        Activity = counts;
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(CancellationToken cancellationToken)
        => await administration.SetRolesAsync(User, Id, Roles, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();

    public async Task<IActionResult> OnPostLockAsync(CancellationToken cancellationToken)
        => await administration.SetLockedAsync(User, Id, locked: true, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
        => await administration.SetLockedAsync(User, Id, locked: false, cancellationToken) ? RedirectToPage(new { Id }) : NotFound();
}
