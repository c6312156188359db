using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Courses.Web.Menus;

/// <summary>"Catalogue" in the admin and main menus, for users who may manage it.</summary>
public sealed class CoursesMenuContributor(IStringLocalizer<CoursesResource> localizer) : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
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
