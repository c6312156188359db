using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Courses.Web.Menus;

/// <summary>The public pages in the main menu, and "Catalogue" in the admin and main menus for users who may manage it.</summary>
public sealed class CoursesMenuContributor(IStringLocalizer<CoursesResource> localizer) : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName is StandardMenus.Main)
        {
            context.Items.Add(new MenuItem("Courses.Universities", localizer["Universities"], "/Universities") { Order = 100 });
            context.Items.Add(new MenuItem("Courses.Search", localizer["Search modules"], "/Catalogue/Search") { Order = 110 });
        }

        if (context.MenuName is StandardMenus.Admin or StandardMenus.Main)
        {
            context.Items.Add(new MenuItem("Courses.Catalogue", localizer["Catalogue"], "/Admin/Catalogue/Modules")
            {
                Order = 200,
                RequiredPermission = CoursesPermissions.ManageCatalogue,
            });
        }

        return Task.CompletedTask;
    }
}
