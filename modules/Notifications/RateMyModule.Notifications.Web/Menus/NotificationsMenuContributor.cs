using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Users;
using RateMyModule.Notifications.Application;

namespace RateMyModule.Notifications.Web.Menus;

/// <summary>
/// "Notifications", with the unread count, in the header of every page for a signed-in user; the notification
/// settings among their account pages.
/// </summary>
public sealed class NotificationsMenuContributor(IStringLocalizer<NotificationsResource> localizer) : IMenuContributor
{
    public async Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.MenuName is not (StandardMenus.Main or StandardMenus.Account) || !context.Services.GetRequiredService<ICurrentUser>().IsAuthenticated)
        {
            return;
        }

        if (context.MenuName is StandardMenus.Account)
        {
            context.Items.Add(new MenuItem("Notifications.Settings", localizer["Notification settings"], "/Account/Manage/Notifications") { Order = 30 });
            return;
        }

        var unread = await context.Services.GetRequiredService<NotificationInbox>().CountUnreadAsync();
        var label = unread switch
        {
            0 => localizer["Notifications"].Value,
            > NotificationLimits.UnreadCountCap => localizer["Notifications ({0}+ unread)", NotificationLimits.UnreadCountCap].Value,
            _ => localizer["Notifications ({0} unread)", unread].Value,
        };
        context.Items.Add(new MenuItem("Notifications.List", label, "/Notifications") { Order = 900 });
    }
}
