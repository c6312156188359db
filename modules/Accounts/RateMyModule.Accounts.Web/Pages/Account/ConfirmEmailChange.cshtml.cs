using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
[ExpectWrites] // Following the link changes the address.
public sealed class ConfirmEmailChangeModel(UserManager<AccountUser> users, SignInManager<AccountUser> signIn, AccountEmailLinks emails) : PageModel
{
    public bool Changed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? email, string? code, CancellationToken cancellationToken)
    {
        var token = AccountEmailLinks.Decode(code);
        var user = token is null || string.IsNullOrEmpty(email) ? null : await users.FindByIdAsync(userId.ToString());
        var oldEmail = user?.Email;
        if (user is null || !(await users.ChangeEmailAsync(user, email!, token!)).Succeeded)
        {
            return;
        }

        // The user name is the address: both change together.
        Changed = (await users.SetUserNameAsync(user, email)).Succeeded;
        if (Changed && oldEmail is not null)
        {
            await emails.SendEmailChangedNoticeAsync(oldEmail, email!, cancellationToken);
        }

        if (Changed && signIn.IsSignedIn(User))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }
}
