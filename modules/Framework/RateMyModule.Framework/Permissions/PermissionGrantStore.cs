using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Framework.Permissions;

/// <summary>
/// Which roles hold which permissions, in <c>FwPermissionGrants</c>. Every role's grants are read in one query and
/// kept in the <see cref="DataCache"/> until a change to the Framework's tables commits, so checks on most
/// requests reach no database and a change is still seen by the next request. Within a scope, its own grants
/// and revokes update what it has read.
/// </summary>
public sealed class PermissionGrantStore(IServiceProvider services, DataCache cache, PermissionDefinitionManager definitions, TimeProvider clock)
{
    private static readonly DataCacheKey AllGrants = DataCacheKey.For<FrameworkDbContext>("permissions:grants");
    private readonly Dictionary<string, HashSet<string>> _grantsByRole = new(StringComparer.Ordinal);
    private FrameworkDbContext? _db;

    // Resolved on first use: a request whose checks the cache answers opens no connection.
    private FrameworkDbContext Db => _db ??= services.GetRequiredService<FrameworkDbContext>();

    public async Task GrantAsync(string roleName, string permissionName, CancellationToken cancellationToken = default)
    {
        ValidateRoleName(roleName);
        if (!definitions.IsDefined(permissionName))
        {
            throw new ArgumentException($"Cannot grant '{permissionName}' to '{roleName}': no module defines that permission.", nameof(permissionName));
        }

        var granted = await GetGrantedSetAsync(roleName, cancellationToken);
        if (granted.Contains(permissionName))
        {
            return;
        }

        Db.PermissionGrants.Add(new PermissionGrant { Id = Guid.CreateVersion7(clock.GetUtcNow()), RoleName = roleName, PermissionName = permissionName });
        await Db.SaveChangesAsync(cancellationToken);
        granted.Add(permissionName);
    }

    /// <summary>Takes a permission away; also removes grants of permissions no module defines any more.</summary>
    public async Task RevokeAsync(string roleName, string permissionName, CancellationToken cancellationToken = default)
    {
        var rows = await Db.PermissionGrants
            .Where(g => g.RoleName == roleName && g.PermissionName == permissionName)
            .ToListAsync(cancellationToken);
        if (rows.Count > 0)
        {
            Db.PermissionGrants.RemoveRange(rows);
            await Db.SaveChangesAsync(cancellationToken);
        }

        if (_grantsByRole.TryGetValue(roleName, out var granted))
        {
            granted.Remove(permissionName);
        }
    }

    /// <summary>The names granted to <paramref name="roleName"/>, sorted.</summary>
    public async Task<IReadOnlyList<string>> GetGrantedPermissionsAsync(string roleName, CancellationToken cancellationToken = default)
    {
        var granted = await GetGrantedSetAsync(roleName, cancellationToken);
        return granted.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The names granted to each of <paramref name="roleNames"/>, sorted; the roles not read yet are read in one query.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetGrantedPermissionsAsync(IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken = default)
    {
        await LoadAsync(roleNames, cancellationToken);
        return roleNames.Distinct(StringComparer.Ordinal).ToDictionary(
            role => role,
            role => (IReadOnlyList<string>)_grantsByRole[role].Order(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>Whether any of <paramref name="roleNames"/> holds the permission; the roles not read yet are read in one query.</summary>
    public async Task<bool> IsGrantedToAnyAsync(IReadOnlyCollection<string> roleNames, string permissionName, CancellationToken cancellationToken = default)
    {
        await LoadAsync(roleNames, cancellationToken);
        return roleNames.Any(role => _grantsByRole[role].Contains(permissionName));
    }

    private async Task<HashSet<string>> GetGrantedSetAsync(string roleName, CancellationToken cancellationToken)
    {
        await LoadAsync([roleName], cancellationToken);
        return _grantsByRole[roleName];
    }

    private async Task LoadAsync(IReadOnlyCollection<string> roleNames, CancellationToken cancellationToken)
    {
        var missing = roleNames.Where(r => !_grantsByRole.ContainsKey(r)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var all = await cache.GetOrReadAsync(AllGrants, ReadAllAsync, cancellationToken);
        foreach (var role in missing)
        {
            // A copy: this scope's own grants and revokes change it.
            _grantsByRole[role] = all.TryGetValue(role, out var granted)
                ? new HashSet<string>(granted, StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
        }
    }

    private async Task<IReadOnlyDictionary<string, HashSet<string>>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var rows = await Db.PermissionGrants.AsNoTracking()
            .Select(g => new { g.RoleName, g.PermissionName })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RoleName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.PermissionName).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static void ValidateRoleName(string roleName)
    {
        if (string.IsNullOrWhiteSpace(roleName) || roleName.Length > FrameworkRoles.MaxNameLength)
        {
            throw new ArgumentException($"A role name must be 1 to {FrameworkRoles.MaxNameLength} characters; '{roleName}' is not.", nameof(roleName));
        }
    }
}
