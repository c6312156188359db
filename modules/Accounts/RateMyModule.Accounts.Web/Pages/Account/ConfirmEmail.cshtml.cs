using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Accounts.Web.Pages.Account;

[AllowAnonymous]
[ExpectWrites] // Following the link confirms the address.
public sealed class ConfirmEmailModel(UserManager<AccountUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code)
    {
        var token = AccountEmailLinks.Decode(code);
        var user = token is null ? null : await users.FindByIdAsync(userId.ToString());
        Confirmed = user is not null && (await users.ConfirmEmailAsync(user, token!)).Succeeded;
    }
}
