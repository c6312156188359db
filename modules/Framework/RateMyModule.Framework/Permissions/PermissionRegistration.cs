using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Framework.Permissions;

public static class PermissionRegistration
{
    /// <summary>A module's permission declarations; registering the same provider twice has no effect.</summary>
    public static IServiceCollection AddPermissionDefinitions<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionDefinitionProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionDefinitionProvider, TProvider>());
        return services;
    }

    /// <summary>
    /// Permission definitions, grants, checker, permissions as authorization policies, the permission-aware menu
    /// manager, display names, and the seed that gives <see cref="FrameworkRoles.Admin"/> every permission and
    /// each permission its default roles once.
    /// </summary>
    public static IServiceCollection AddFrameworkPermissions(this IServiceCollection services)
    {
        services.TryAddSingleton<PermissionDefinitionManager>();
        services.TryAddScoped<PermissionGrantStore>();
        services.TryAddScoped<IPermissionChecker, PermissionChecker>();

        services.AddAuthorization();
        // AddAuthorization only tries to add the default provider, so this replacement survives later calls.
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, PermissionAuthorizationHandler>());

        services.AddPermissionDefinitions<FrameworkPermissionDefinitionProvider>();
        services.TryAddScoped<IMenuManager, MenuManager>();
        services.TryAddSingleton<PermissionDisplayNames>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IDataSeedContributor, PermissionsDataSeedContributor>());
        return services;
    }
}
