using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Users;

namespace RateMyModule.Framework.Menus;

/// <summary>
/// Builds a menu for <see cref="ICurrentUser"/>: asks every contributor, then keeps only the items whose permission
/// the user holds (an item hidden hides its children too), drops groups left with nothing to link to, and orders
/// each level by <see cref="MenuItem.Order"/> then display name. Returns new items; contributors' objects are untouched.
/// </summary>
public sealed class MenuManager(
    IEnumerable<IMenuContributor> contributors,
    IServiceProvider services,
    ICurrentUser currentUser,
    IPermissionChecker permissionChecker) : IMenuManager
{
    public async Task<IReadOnlyList<MenuItem>> GetAsync(string menuName, CancellationToken cancellationToken = default)
    {
        var context = new MenuConfigurationContext(menuName, services);
        foreach (var contributor in contributors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await contributor.ConfigureMenuAsync(context);
        }

        return await FilterAsync(context.Items, cancellationToken);
    }

    private async Task<List<MenuItem>> FilterAsync(IEnumerable<MenuItem> items, CancellationToken cancellationToken)
    {
        var kept = new List<MenuItem>();
        foreach (var item in items)
        {
            if (item.RequiredPermission is not null
                && !await permissionChecker.IsGrantedAsync(currentUser.Principal, item.RequiredPermission, cancellationToken))
            {
                continue;
            }

            var children = await FilterAsync(item.Items, cancellationToken);
            if (string.IsNullOrEmpty(item.Url) && children.Count == 0)
            {
                continue;
            }

            var copy = new MenuItem(item.Name, item.DisplayName, item.Url) { Order = item.Order, RequiredPermission = item.RequiredPermission };
            copy.Items.AddRange(children);
            kept.Add(copy);
        }

        return kept
            .OrderBy(i => i.Order)
            .ThenBy(i => i.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}

public static class MenuRegistration
{
    /// <summary>A module's menu items; registering the same contributor twice has no effect.</summary>
    public static IServiceCollection AddMenuContributor<TContributor>(this IServiceCollection services)
        where TContributor : class, IMenuContributor
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMenuContributor, TContributor>());
        return services;
    }
}
