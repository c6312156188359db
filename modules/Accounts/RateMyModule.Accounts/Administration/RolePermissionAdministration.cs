using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RateMyModule.Accounts.Users;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Accounts.Administration;

/// <param name="Name">The role's name.</param>
/// <param name="Granted">The permissions the role holds now, sorted.</param>
/// <param name="IsFixed">The Admin role, which always holds every permission and is not edited.</param>
public sealed record RolePermissions(string Name, IReadOnlyList<string> Granted, bool IsFixed);

/// <summary>Why a change of a role's permissions was refused; nothing was changed.</summary>
public enum RolePermissionsRefusal
{
    None,
    FixedRole,
    UnknownPermission,
}

/// <summary>
/// /Admin/Roles: which permissions each role holds. Grants live in the kernel's <see cref="PermissionGrantStore"/>,
/// so a change applies from the next request of every user in the role, without a sign-out.
/// </summary>
public sealed class RolePermissionAdministration(
    RoleManager<AccountRole> roles,
    PermissionGrantStore grants,
    PermissionDefinitionManager definitions,
    ILogger<RolePermissionAdministration> logger)
{
    public async Task<IReadOnlyList<RolePermissions>> ListAsync(CancellationToken cancellationToken = default)
    {
        var names = await roles.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var granted = await grants.GetGrantedPermissionsAsync(names, cancellationToken);
        return names
            .OrderBy(n => n == FrameworkRoles.Admin ? 0 : 1)
            .ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => Describe(n, granted[n]))
            .ToList();
    }

    /// <summary>The role, or null when no role has that name.</summary>
    public async Task<RolePermissions?> FindAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByNameAsync(roleName);
        if (role?.Name is not { } name)
        {
            return null;
        }

        return Describe(name, await grants.GetGrantedPermissionsAsync(name, cancellationToken));
    }

    /// <summary>
    /// Makes the role hold exactly <paramref name="permissionNames"/>. Refused as a whole, changing nothing, for the
    /// Admin role or when a name is not a defined permission.
    /// </summary>
    public async Task<RolePermissionsRefusal> SetAsync(RolePermissions role, IReadOnlyCollection<string> permissionNames, CancellationToken cancellationToken = default)
    {
        if (role.IsFixed)
        {
            return RolePermissionsRefusal.FixedRole;
        }

        if (permissionNames.Any(p => !definitions.IsDefined(p)))
        {
            return RolePermissionsRefusal.UnknownPermission;
        }

        var wanted = permissionNames.ToHashSet(StringComparer.Ordinal);
        var added = wanted.Except(role.Granted, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // Grants of permissions no module defines any more are dropped too: they grant nothing and only confuse.
        var removed = role.Granted.Where(p => !wanted.Contains(p)).ToList();
        foreach (var permission in added)
        {
            await grants.GrantAsync(role.Name, permission, cancellationToken);
        }

        foreach (var permission in removed)
        {
            await grants.RevokeAsync(role.Name, permission, cancellationToken);
        }

        if (added.Count + removed.Count > 0)
        {
            logger.LogInformation("Permissions of role {Role} changed: granted {Granted}; revoked {Revoked}",
                role.Name, string.Join(", ", added), string.Join(", ", removed));
        }

        return RolePermissionsRefusal.None;
    }

    private static RolePermissions Describe(string name, IReadOnlyList<string> granted)
        => new(name, granted, IsFixed: name == FrameworkRoles.Admin);
}
