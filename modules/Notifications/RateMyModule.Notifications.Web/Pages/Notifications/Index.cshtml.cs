using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Application;
using RateMyModule.Notifications.Web.Components;

namespace RateMyModule.Notifications.Web.Pages.Notifications;

/// <summary>The in-site list, newest first; and where the follow button posts (back to the page it was on).</summary>
[Authorize]
public sealed class IndexModel(NotificationInbox inbox, FollowService follows, IStringLocalizer<NotificationsResource> localizer) : PageModel
{
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Items = await inbox.GetLatestAsync(cancellationToken);

    public async Task<IActionResult> OnPostMarkReadAsync(CancellationToken cancellationToken)
    {
        await inbox.MarkAllReadAsync(cancellationToken);
        StatusMessage = localizer["All notifications are marked as read."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid moduleId, string? returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            await follows.FollowAsync(moduleId, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException error)
        {
            TempData[FollowModuleViewComponent.ErrorKey] = localizer[error.Code, error.Arguments.ToArray()].Value;
            return Back(returnUrl, moduleId);
        }

        TempData[FollowModuleViewComponent.MessageKey] = localizer["You follow this module now. New reviews will appear in your notifications."].Value;
        return Back(returnUrl, moduleId);
    }

    public async Task<IActionResult> OnPostUnfollowAsync(Guid moduleId, string? returnUrl, CancellationToken cancellationToken)
    {
        await follows.UnfollowAsync(moduleId, cancellationToken);
        TempData[FollowModuleViewComponent.MessageKey] = localizer["You no longer follow this module."].Value;
        return Back(returnUrl, moduleId);
    }

    private LocalRedirectResult Back(string? returnUrl, Guid moduleId)
        => LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : $"/Modules/{moduleId}");
}
