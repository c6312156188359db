using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Notifications.Web.Menus;

/// <summary>The list page in the main menu; the admin page in the admin menu for users who may manage items.</summary>
public sealed class NotificationsMenuContributor(IStringLocalizer<NotificationsResource> localizer) : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName is StandardMenus.Main)
        {
            context.Items.Add(new MenuItem("Notifications.List", localizer["Notifications"], "/Notifications") { Order = 500 });
        }

        if (context.MenuName is StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Notifications.Manage", localizer["Notifications"], "/Admin/Notifications")
            {
                Order = 500,
                RequiredPermission = NotificationsPermissions.Manage,
            });
        }

        return Task.CompletedTask;
    }
}
