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
public sealed class LoginModel(SignInManager<AccountUser> signIn, UserManager<AccountUser> users, SignInTiming timing, IStringLocalizer<AccountsResource> l) : PageModel
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

        // An address without an account gets the same answer, after the same work, and the same lockout as one with.
        var user = await users.FindByNameAsync(Input.Email.Trim());
        if (user is null)
        {
            var normalized = users.NormalizeName(Input.Email.Trim());
            if (timing.IsUnknownLockedOut(normalized))
            {
                return RedirectToPage("Lockout");
            }

            timing.VerifyNothing(Input.Password);
            return FailedAsUnknown(normalized);
        }

        // An administrator's lock (the only one without an end) is told to whoever knows the password, and to no one
        // else: a wrong password gets exactly what an address without an account gets, after the same one check of
        // a password, so the lock reveals neither that the account exists nor that it is locked.
        // (Compared by year: the stored end loses the last ticks of DateTimeOffset.MaxValue.)
        if (user.LockoutEnd?.Year == DateTimeOffset.MaxValue.Year && await users.IsLockedOutAsync(user))
        {
            var normalized = users.NormalizeName(Input.Email.Trim());
            if (timing.IsUnknownLockedOut(normalized))
            {
                return RedirectToPage("Lockout");
            }

            if (!await users.CheckPasswordAsync(user, Input.Password))
            {
                return FailedAsUnknown(normalized);
            }

            ModelState.AddModelError(string.Empty, l["SignInLockedByAdministrator"]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        // Identity answers "not allowed" (unconfirmed) before it checks the password; only the right one may learn that.
        if (result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password))
        {
            NeedsConfirmation = true;
            ModelState.AddModelError(string.Empty, l["SignInNotConfirmed"]);
            return Page();
        }

        // A wrong password counts towards the lockout whether or not the address is confirmed yet.
        if (result.IsNotAllowed && (await users.AccessFailedAsync(user)).Succeeded && await users.IsLockedOutAsync(user))
        {
            return RedirectToPage("Lockout");
        }

        ModelState.AddModelError(string.Empty, l["SignInFailed"]);
        return Page();
    }

    /// <summary>The answer to a wrong password for an address without an account: counted, then locked out as a real one is.</summary>
    private IActionResult FailedAsUnknown(string normalizedEmail)
    {
        if (timing.FailUnknown(normalizedEmail))
        {
            return RedirectToPage("Lockout");
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
