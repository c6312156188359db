using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Accounts.Web.Menus;

/// <summary>"Users" and "Roles" in the admin menu, each for whoever holds its permission.</summary>
public sealed class AccountsMenuContributor(IStringLocalizer<AccountsResource> l) : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName is StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Accounts.Users", l["Users"], "/Admin/Users")
            {
                Order = 100,
                RequiredPermission = AccountsPermissions.ManageUsers,
            });
            context.Items.Add(new MenuItem("Accounts.Roles", l["Roles"], "/Admin/Roles")
            {
                Order = 110,
                RequiredPermission = AccountsPermissions.ManageRoles,
            });
        }

        return Task.CompletedTask;
    }
}
