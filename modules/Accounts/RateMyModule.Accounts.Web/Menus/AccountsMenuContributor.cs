using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Users;

namespace RateMyModule.Accounts.Web.Menus;

/// <summary>
/// "Users" and "Roles" in the admin menu, each for whoever holds its permission; the account pages in a signed-in
/// user's account menu (other modules add theirs, such as their reviews, beside them).
/// </summary>
public sealed class AccountsMenuContributor(IStringLocalizer<AccountsResource> l) : IMenuContributor
{
    public async Task ConfigureMenuAsync(MenuConfigurationContext context)
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

        if (context.MenuName is StandardMenus.Account && context.Services.GetRequiredService<ICurrentUser>().IsAuthenticated)
        {
            context.Items.Add(new MenuItem("Accounts.Courses", l["MyCourses"], "/Account/Manage/Courses") { Order = 20 });
            context.Items.Add(new MenuItem("Accounts.Password", l["ChangePassword"], "/Account/Manage") { Order = 100 });
            context.Items.Add(new MenuItem("Accounts.Email", l["ChangeEmail"], "/Account/Manage/Email") { Order = 110 });
            // The schemes Identity offers as external sign-ins are those with a display name. Asked of the scheme
            // provider (a singleton) rather than SignInManager, whose user manager and store would be built for
            // every page just to answer this.
            var schemes = await context.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync();
            if (schemes.Any(s => !string.IsNullOrEmpty(s.DisplayName)))
            {
                context.Items.Add(new MenuItem("Accounts.ExternalLogins", l["ExternalLogins"], "/Account/Manage/ExternalLogins") { Order = 120 });
            }

            context.Items.Add(new MenuItem("Accounts.Sessions", l["SignedInDevices"], "/Account/Manage/Sessions") { Order = 130 });
            context.Items.Add(new MenuItem("Accounts.Data", l["MyData"], "/Account/Manage/PersonalData") { Order = 140 });
        }
    }
}
