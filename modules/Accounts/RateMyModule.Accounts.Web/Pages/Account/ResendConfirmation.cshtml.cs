using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
public sealed class ResendConfirmationModel(UserManager<AccountUser> users, AccountEmailLinks emails) : PageModel
{
    [BindProperty]
    [Required]
    [EmailAddress]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet(string? email) => Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await emails.SendConfirmationAsync(user, cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
