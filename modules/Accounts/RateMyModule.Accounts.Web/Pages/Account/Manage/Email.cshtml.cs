using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

/// <summary>The new address must pass the sign-up rules, stay within the user's university, and be confirmed before it counts.</summary>
[Authorize]
public sealed class EmailModel(UserManager<AccountUser> users, EmailAddressPolicy policy, AccountEmailLinks emails, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    [Required]
    [EmailAddress]
    [StringLength(AccountUser.EmailMaxLength)]
    [Display(Name = "NewEmail")]
    public string NewEmail { get; set; } = "";

    public string? CurrentEmail { get; private set; }

    public bool Sent { get; private set; }

    public async Task OnGetAsync() => CurrentEmail = (await users.GetUserAsync(User))?.Email;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = NewEmail.Trim();
        var check = await policy.CheckAsync(email, exceptUserId: user.Id, cancellationToken);
        var refusal = check.Refusal;
        if (check.IsAccepted && user.UniversityId is { } universityId && check.University!.Id != universityId)
        {
            refusal = EmailRefusal.OtherUniversity;
        }

        if (refusal != EmailRefusal.None)
        {
            ModelState.AddModelError(nameof(NewEmail), l["EmailRefusal:" + refusal]);
            return Page();
        }

        if (check.ExistingUserId is null)
        {
            await emails.SendChangeEmailAsync(user, email, cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
