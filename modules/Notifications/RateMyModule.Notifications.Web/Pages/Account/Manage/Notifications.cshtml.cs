using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Notifications.Application;

namespace RateMyModule.Notifications.Web.Pages.Account.Manage;

/// <summary>The modules a user follows, how each one's news reaches them, and whether moderation news is mailed.</summary>
[Authorize]
public sealed class NotificationsModel(FollowService follows, IStringLocalizer<NotificationsResource> localizer) : PageModel
{
    public IReadOnlyList<FollowDto> Follows { get; private set; } = [];

    [BindProperty]
    public bool ModerationEmails { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public static IReadOnlyList<FollowDelivery> Deliveries { get; } = Enum.GetValues<FollowDelivery>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Follows = await follows.GetFollowsAsync(cancellationToken);
        ModerationEmails = await follows.GetModerationEmailsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostDeliveryAsync(Guid moduleId, FollowDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await follows.SetDeliveryAsync(moduleId, delivery, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException error)
        {
            ModelState.AddModelError($"delivery-{moduleId}", localizer[error.Code].Value);
            await OnGetAsync(cancellationToken);
            return Page();
        }

        StatusMessage = localizer["Saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnfollowAsync(Guid moduleId, CancellationToken cancellationToken)
    {
        await follows.UnfollowAsync(moduleId, cancellationToken);
        StatusMessage = localizer["You no longer follow this module."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostModerationAsync(CancellationToken cancellationToken)
    {
        await follows.SetModerationEmailsAsync(ModerationEmails, cancellationToken);
        StatusMessage = localizer["Saved."].Value;
        return RedirectToPage();
    }
}
