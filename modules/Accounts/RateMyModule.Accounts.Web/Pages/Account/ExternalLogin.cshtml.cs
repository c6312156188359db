using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.External;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Accounts.Web.Pages.Account;

/// <summary>
/// Sign-in through Google or Microsoft. A known login signs in; otherwise the provider's verified address either
/// links to the confirmed account that has it, or makes a new student account if it passes the university rules.
/// </summary>
[AllowAnonymous]
[ExpectWrites] // The provider's GET callback links a login or creates the account.
public sealed class ExternalLoginModel(
    SignInManager<AccountUser> signIn,
    UserManager<AccountUser> users,
    EmailAddressPolicy policy,
    IStringLocalizer<AccountsResource> l) : PageModel
{
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync(string provider, string? returnUrl)
    {
        var schemes = await signIn.GetExternalAuthenticationSchemesAsync();
        if (schemes.All(s => s.Name != provider))
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/ExternalLogin", "Callback", new { returnUrl = Url.LocalOrHome(returnUrl) });
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback), provider);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, string? remoteError, CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (remoteError is not null || info is null)
        {
            Error = l["ExternalFailed"];
            return Page();
        }

        var target = Url.LocalOrHome(returnUrl);
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: true);
        if (result.Succeeded)
        {
            return LocalRedirect(target);
        }

        if (result.IsLockedOut)
        {
            return RedirectToPage("Lockout");
        }

        var email = ExternalSignIn.VerifiedEmail(info.Principal);
        if (email is null)
        {
            Error = l["ExternalNoVerifiedEmail"];
            return Page();
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (!existing.EmailConfirmed || !string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                Error = l["ExternalAccountUnconfirmed"];
                return Page();
            }

            await Check(users.AddLoginAsync(existing, info));
            await signIn.SignInAsync(existing, isPersistent: false, info.LoginProvider);
            return LocalRedirect(target);
        }

        var check = await policy.CheckAsync(email, cancellationToken: cancellationToken);
        if (!check.IsAccepted || check.ExistingUserId is not null)
        {
            Error = l["EmailRefusal:" + (check.IsAccepted ? EmailRefusal.LooksLikeExisting : check.Refusal)];
            return Page();
        }

        // The provider has verified the address, so it counts as confirmed.
        var user = new AccountUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            UniversityId = check.University!.Id,
            PreferredCulture = CultureInfo.CurrentUICulture.Name,
        };
        await Check(users.CreateAsync(user));
        await Check(users.AddToRoleAsync(user, AccountRoles.Student));
        await Check(users.AddLoginAsync(user, info));
        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return LocalRedirect(target);
    }

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("External sign-in failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
