using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Users;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

/// <summary>
/// The Google and Microsoft logins linked to the account: link another configured provider (through the provider,
/// so the user proves they own that identity) or remove one, but never the last way the account can sign in.
/// </summary>
[Authorize]
[ExpectWrites] // The provider's GET callback links the login.
public sealed class ExternalLoginsModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, IStringLocalizer<AccountsResource> l) : PageModel
{
    public IReadOnlyList<LinkedLogin> Logins { get; private set; } = [];

    public IReadOnlyList<AuthenticationScheme> OtherProviders { get; private set; } = [];

    /// <summary>Without a password the last login cannot go: the page offers to set one.</summary>
    public bool HasPassword { get; private set; }

    [TempData]
    public string? Status { get; set; }

    [TempData]
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var providers = await signIn.GetExternalAuthenticationSchemesAsync();
        var logins = await users.GetLoginsAsync(user);
        HasPassword = await users.HasPasswordAsync(user);
        Logins = logins
            .Select(login => new LinkedLogin(login.LoginProvider, login.ProviderKey, DisplayName(login, providers)))
            .OrderBy(login => login.DisplayName, StringComparer.CurrentCulture)
            .ToList();
        OtherProviders = providers
            .Where(p => logins.All(login => login.LoginProvider != p.Name))
            .OrderBy(p => p.DisplayName ?? p.Name, StringComparer.CurrentCulture)
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostLinkAsync(string provider)
    {
        var schemes = await signIn.GetExternalAuthenticationSchemesAsync();
        if (schemes.All(s => s.Name != provider))
        {
            return NotFound();
        }

        // A half-finished sign-in elsewhere must not be mistaken for the identity this link proves.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var callback = Url.Page("/Account/Manage/ExternalLogins", "LinkCallback");

        // The user id travels in the protected state, so the callback accepts only the identity this user asked for.
        return Challenge(signIn.ConfigureExternalAuthenticationProperties(provider, callback, users.GetUserId(User)), provider);
    }

    public async Task<IActionResult> OnGetLinkCallbackAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var info = await signIn.GetExternalLoginInfoAsync(user.Id.ToString());
        if (info is null)
        {
            Error = l["ExternalLinkFailed"];
            return RedirectToPage();
        }

        var name = info.ProviderDisplayName ?? info.LoginProvider;
        var owner = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (owner is not null && owner.Id != user.Id)
        {
            Error = l["ExternalLinkedElsewhere", name];
        }
        else if (owner is null && !(await users.AddLoginAsync(user, info)).Succeeded)
        {
            Error = l["ExternalLinkFailed"];
        }
        else
        {
            Status = l["ExternalLinked", name];
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.RefreshSignInAsync(user);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string loginProvider, string providerKey)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var logins = await users.GetLoginsAsync(user);
        var login = logins.FirstOrDefault(x => x.LoginProvider == loginProvider && x.ProviderKey == providerKey);
        if (login is null)
        {
            return NotFound();
        }

        var name = DisplayName(login, await signIn.GetExternalAuthenticationSchemesAsync());
        if (logins.Count == 1 && !await users.HasPasswordAsync(user))
        {
            Error = l["ExternalRemoveLast", name];
            return RedirectToPage();
        }

        if (!(await users.RemoveLoginAsync(user, loginProvider, providerKey)).Succeeded)
        {
            Error = l["Identity:Other"];
            return RedirectToPage();
        }

        await signIn.RefreshSignInAsync(user);
        Status = l["ExternalRemoved", name];
        return RedirectToPage();
    }

    // The name the provider goes by now, else the one it had when linked (a provider no longer configured).
    private static string DisplayName(UserLoginInfo login, IEnumerable<AuthenticationScheme> providers)
        => providers.FirstOrDefault(p => p.Name == login.LoginProvider)?.DisplayName ?? login.ProviderDisplayName ?? login.LoginProvider;

    public sealed record LinkedLogin(string LoginProvider, string ProviderKey, string DisplayName);
}
