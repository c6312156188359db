using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

[Authorize]
public sealed class IndexModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "CurrentPassword")]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    [Required]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength)]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string NewPassword { get; set; } = "";

    [TempData]
    public string? Status { get; set; }

    /// <summary>An account without a password (made through a sign-in provider) sets one rather than changing it.</summary>
    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return await users.HasPasswordAsync(user) ? Page() : RedirectToPage("SetPassword");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await users.HasPasswordAsync(user))
        {
            return RedirectToPage("SetPassword");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, nameof(NewPassword), result, l);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        Status = l["PasswordChanged"];
        return RedirectToPage();
    }
}
