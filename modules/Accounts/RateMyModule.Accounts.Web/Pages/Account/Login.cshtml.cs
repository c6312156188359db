using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(AccountsWebModule.SignInRateLimitPolicy)]
public sealed class LoginModel(SignInManager<AccountUser> signIn, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Only the providers configured for this deployment.</summary>
    public IReadOnlyList<AuthenticationScheme> ExternalProviders { get; private set; } = [];

    /// <summary>The password was right but the address is not confirmed yet: offer to resend the link.</summary>
    public bool NeedsConfirmation { get; private set; }

    public async Task OnGetAsync() => ExternalProviders = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalProviders = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, l["SignInNotConfirmed"]);
            return Page();
        }

        ModelState.AddModelError(string.Empty, l["SignInFailed"]);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required]
        [EmailAddress]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "RememberMe")]
        public bool RememberMe { get; set; }
    }
}
