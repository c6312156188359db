using Microsoft.AspNetCore.Mvc;
using RateMyModule.Framework.Users;
using RateMyModule.Notifications.Application;

namespace RateMyModule.Notifications.Web.Components;

public sealed record FollowButtonModel(Guid ModuleId, bool IsSignedIn, bool IsFollowing, string ReturnUrl, string? Message, string? Error);

/// <summary>
/// The follow / stop following button on a module's page (Reviews renders it through <c>ModulePageOptions</c>). A
/// plain form post, so it works without JavaScript; a visitor gets a link to sign in first.
/// </summary>
[ViewComponent(Name = Name)]
public sealed class FollowModuleViewComponent(FollowService follows, ICurrentUser currentUser) : ViewComponent
{
    public const string Name = "FollowModule";

    /// <summary>TempData keys of the outcome of the last follow or unfollow, shown beside the button after the redirect.</summary>
    public const string MessageKey = "NotificationsFollowMessage";

    public const string ErrorKey = "NotificationsFollowError";

    public async Task<IViewComponentResult> InvokeAsync(Guid moduleId)
    {
        var returnUrl = $"{Request.PathBase}{Request.Path}";
        var following = await follows.IsFollowingAsync(moduleId, HttpContext.RequestAborted);
        return View(new FollowButtonModel(
            moduleId, currentUser.IsAuthenticated, following, returnUrl, TempData[MessageKey] as string, TempData[ErrorKey] as string));
    }
}
