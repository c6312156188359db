using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<AccountUser> users, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required]
    [EmailAddress]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required]
    [StringLength(PasswordRules.MaxLength, MinimumLength = PasswordRules.MinLength)]
    [DataType(DataType.Password)]
    [Display(Name = "NewPassword")]
    public string Password { get; set; } = "";

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var token = AccountEmailLinks.Decode(Code);
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            // As if it worked: the page must not reveal which addresses have accounts.
            Done = true;
            return Page();
        }

        var result = token is null ? IdentityResult.Failed(new IdentityError { Code = "InvalidToken" }) : await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, nameof(Password), result, l);
            return Page();
        }

        Done = true;
        return Page();
    }
}
