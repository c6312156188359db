using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Sample.Web.Menus;

/// <summary>The list page in the main menu; the admin page in the admin menu for users who may manage items.</summary>
public sealed class SampleMenuContributor(IStringLocalizer<SampleResource> localizer) : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName is StandardMenus.Main)
        {
            context.Items.Add(new MenuItem("Sample.List", localizer["Sample"], "/Sample") { Order = 500 });
        }

        if (context.MenuName is StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Sample.Manage", localizer["Sample"], "/Admin/Sample")
            {
                Order = 500,
                RequiredPermission = SamplePermissions.Manage,
            });
        }

        return Task.CompletedTask;
    }
}
