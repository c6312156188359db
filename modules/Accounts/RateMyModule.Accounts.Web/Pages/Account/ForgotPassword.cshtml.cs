using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<AccountUser> users, AccountEmailLinks emails) : PageModel
{
    [BindProperty]
    [Required]
    [EmailAddress]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: true })
        {
            await emails.SendPasswordResetAsync(user, cancellationToken);
        }

        // The same page whether or not the account exists.
        Sent = true;
        return Page();
    }
}
