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

/// <summary>
/// An account made through Google or Microsoft has no password: this gives it one, so it can sign in without the
/// provider, unlink it, and confirm deleting the account. An account that has a password changes it instead.
/// </summary>
[Authorize]
public sealed class SetPasswordModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    [Required]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength)]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword))]
    [Display(Name = "ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return await users.HasPasswordAsync(user) ? RedirectToPage("Index") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (await users.HasPasswordAsync(user))
        {
            return RedirectToPage("Index");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.AddPasswordAsync(user, NewPassword);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, nameof(NewPassword), result, l);
            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData[nameof(IndexModel.Status)] = l["PasswordSet"].Value;
        return RedirectToPage("Index");
    }
}
