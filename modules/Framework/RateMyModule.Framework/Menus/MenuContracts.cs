namespace RateMyModule.Framework.Menus;

public static class StandardMenus
{
    /// <summary>The site's main navigation.</summary>
    public const string Main = "Main";

    /// <summary>The administration area's navigation.</summary>
    public const string Admin = "Admin";

    /// <summary>The signed-in user's own pages (their reviews, courses, settings): the header's account menu and the manage pages' navigation.</summary>
    public const string Account = "Account";
}

/// <summary>One navigation entry. <see cref="DisplayName"/> is already localized by the contributor.</summary>
public sealed class MenuItem(string name, string displayName, string url)
{
    public string Name { get; } = name;

    public string DisplayName { get; } = displayName;

    public string Url { get; } = url;

    public int Order { get; init; } = 1000;

    /// <summary>When set, the item is shown only to users granted this permission.</summary>
    public string? RequiredPermission { get; init; }

    public List<MenuItem> Items { get; } = [];
}

public sealed class MenuConfigurationContext(string menuName, IServiceProvider services)
{
    public string MenuName { get; } = menuName;

    public IServiceProvider Services { get; } = services;

    public List<MenuItem> Items { get; } = [];
}

/// <summary>A module adds its items to the menus it cares about.</summary>
public interface IMenuContributor
{
    Task ConfigureMenuAsync(MenuConfigurationContext context);
}

/// <summary>Builds a menu for the current user: every contributor's items, ordered, without items they may not use.</summary>
public interface IMenuManager
{
    Task<IReadOnlyList<MenuItem>> GetAsync(string menuName, CancellationToken cancellationToken = default);
}
