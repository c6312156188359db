using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Permissions;
using RateMyModule.Web.Localization;

namespace RateMyModule.Web.Menus;

/// <summary>
/// The host's own admin pages (job queue, audit log), and one "Administration" entry in the main menu that shows
/// whenever the user may open any admin page, whichever module contributed it.
/// </summary>
public sealed class HostMenuContributor(IStringLocalizer<WebResource> l) : IMenuContributor
{
    public async Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName == StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Admin.BackgroundJobs", l["Background jobs"], "/Admin/Jobs")
            {
                Order = 900,
                RequiredPermission = FrameworkPermissions.ViewBackgroundJobs,
            });
            context.Items.Add(new MenuItem("Admin.AuditLog", l["Audit log"], "/Admin/AuditLog")
            {
                Order = 910,
                RequiredPermission = FrameworkPermissions.ViewAuditLog,
            });
            return;
        }

        if (context.MenuName == StandardMenus.Main)
        {
            var admin = await context.Services.GetRequiredService<IMenuManager>().GetAsync(StandardMenus.Admin);
            if (admin.Count > 0)
            {
                context.Items.Add(new MenuItem("Administration", l["Administration"], "/Admin") { Order = 10_000 });
            }
        }
    }
}
