using Microsoft.AspNetCore.Mvc;
using RateMyModule.Framework.Menus;

namespace RateMyModule.Web.Menus;

/// <summary>The site's main navigation, built from every module's menu contributors for the current user.</summary>
public sealed class MainMenuViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        // Resolved per request and optionally: the host renders before any module contributes a menu manager.
        var menus = HttpContext.RequestServices.GetService<IMenuManager>();
        var items = menus is null ? [] : await menus.GetAsync(StandardMenus.Main, HttpContext.RequestAborted);
        return View(new MainMenuModel(items, HttpContext.Request.Path));
    }
}

public sealed record MainMenuModel(IReadOnlyList<MenuItem> Items, PathString CurrentPath)
{
    public bool IsHome => !CurrentPath.HasValue || CurrentPath.Value == "/";

    public bool IsCurrent(MenuItem item) =>
        string.Equals(item.Url.TrimEnd('/'), CurrentPath.Value?.TrimEnd('/') ?? "", StringComparison.OrdinalIgnoreCase);
}
