using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Sessions;
using RateMyModule.Accounts.Users;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

/// <summary>"Signed-in devices": every browser signed in to the account, each one ended on its own or all at once.</summary>
[Authorize]
public sealed class SessionsModel(AccountSessions sessions, SignInManager<AccountUser> signIn, IStringLocalizer<AccountsResource> l) : PageModel
{
    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];

    /// <summary>The session of this request, marked "this device" in the list.</summary>
    public Guid? CurrentSessionId { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentSessionId = Guid.TryParseExact(User.FindFirstValue(SessionTicketStore.SessionIdClaimType), "N", out var current) ? current : null;
        Sessions = await sessions.ListAsync(UserId, cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        await sessions.EndAsync(UserId, id, cancellationToken);
        if (User.FindFirstValue(SessionTicketStore.SessionIdClaimType) == id.ToString("N", CultureInfo.InvariantCulture))
        {
            await signIn.SignOutAsync();
            return LocalRedirect("~/");
        }

        Status = l["SessionEnded"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAllAsync(CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(UserId, cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("~/");
    }

    private Guid UserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture);
}
