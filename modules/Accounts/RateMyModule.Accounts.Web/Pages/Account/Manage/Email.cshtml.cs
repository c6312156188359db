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
public sealed class EmailModel(
    UserManager<AccountUser> users,
    SignInManager<AccountUser> signIn,
    EmailAddressPolicy policy,
    AccountEmailLinks emails,
    IStringLocalizer<AccountsResource> l) : PageModel
{
    /// <summary>Asked again, so that nobody at an unlocked computer can move the account to their own address.</summary>
    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required]
    [EmailAddress]
    [StringLength(AccountUser.EmailMaxLength)]
    [Display(Name = "NewEmail")]
    public string NewEmail { get; set; } = "";

    public string? CurrentEmail { get; private set; }

    public bool Sent { get; private set; }

    /// <summary>False for an account made through a sign-in provider: it must set a password first.</summary>
    public bool HasPassword { get; private set; } = true;

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        CurrentEmail = user?.Email;
        HasPassword = user is not null && await users.HasPasswordAsync(user);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        CurrentEmail = user.Email;
        HasPassword = await users.HasPasswordAsync(user);
        if (!HasPassword || !ModelState.IsValid)
        {
            return Page();
        }

        // Through the sign-in check, so that guessing here counts towards the lockout as on the sign-in page.
        var password = await signIn.CheckPasswordSignInAsync(user, CurrentPassword, lockoutOnFailure: true);
        if (!password.Succeeded)
        {
            ModelState.AddModelError(nameof(CurrentPassword), l[password.IsLockedOut ? "LockedOutText" : "WrongPassword"]);
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
