using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Mail;

namespace RateMyModule.Notifications.Web.Pages.Notifications;

/// <summary>
/// The link in every mail. GET only asks (mail scanners follow links, so a GET must change nothing); the button
/// POSTs. A mail client's RFC 8058 one-click POST (body <c>List-Unsubscribe=One-Click</c>) reaches the same handler:
/// it carries no antiforgery token and no cookie, and needs neither, since the signed token says who and what.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscriber unsubscriber) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public UnsubscribeRequest? Target { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        Target = unsubscriber.Read(Token);
        if (Target is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Target = await unsubscriber.UnsubscribeAsync(Token, cancellationToken);
        if (Target is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Done = Target is not null;
        return Page();
    }
}
