using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Administration;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Framework.Http;

namespace RateMyModule.Accounts.Web.Pages.Admin.Users;

/// <summary>
/// An administrator makes a user (issue 14, item 11): an address of a university and a role; the user is mailed a
/// link to choose their password. A refused address or role is said on its field, with what was typed kept.
/// </summary>
[Authorize(Policy = AccountsPermissions.ManageUsers)]
public sealed class CreateModel(UserAdministration administration, AccountEmailLinks emails, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var invitation = await administration.InviteAsync(User, Input.Email, Input.Role, cancellationToken);
        if (invitation.User is not { } user)
        {
            ModelState.AddModelError($"{nameof(Input)}.{invitation.Field}", l[invitation.ErrorKey!]);
            return Page();
        }

        await emails.SendInvitationAsync(user, cancellationToken);
        TempData.SetStatusMessage(l["InvitationSent", user.Email!]);
        return RedirectToPage("Details", new { id = user.Id });
    }

    public sealed class InviteInput
    {
        [Required]
        [EmailAddress]
        [StringLength(AccountUser.EmailMaxLength)]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [Display(Name = "Role")]
        public string? Role { get; set; }
    }
}
