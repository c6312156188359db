using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Web.Pages.Account;

/// <summary>Sign-out is a POST (with antiforgery), so a link or image on another site cannot sign a user out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<AccountUser> signIn) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("~/");
    }
}
