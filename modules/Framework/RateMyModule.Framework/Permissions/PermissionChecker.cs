using System.Security.Claims;

namespace RateMyModule.Framework.Permissions;

/// <summary>Whether a user may do what a permission names.</summary>
public interface IPermissionChecker
{
    /// <summary>
    /// True when one of the user's roles (the role claims of an authenticated identity, <see cref="ClaimTypes.Role"/>
    /// by default) holds a grant of <paramref name="permissionName"/>. An undefined permission is never granted.
    /// </summary>
    Task<bool> IsGrantedAsync(ClaimsPrincipal? user, string permissionName, CancellationToken cancellationToken = default);
}

/// <summary>Checks against the role grants of <see cref="PermissionGrantStore"/>, which reads each role once per scope.</summary>
public sealed class PermissionChecker(PermissionGrantStore store, PermissionDefinitionManager definitions) : IPermissionChecker
{
    public async Task<bool> IsGrantedAsync(ClaimsPrincipal? user, string permissionName, CancellationToken cancellationToken = default)
    {
        if (user is null || !definitions.IsDefined(permissionName))
        {
            return false;
        }

        // A stale grant row for a removed permission must not grant anything, hence the definition check above.
        var roles = user.Identities
            .Where(identity => identity.IsAuthenticated)
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType))
            .Select(claim => claim.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return roles.Count > 0 && await store.IsGrantedToAnyAsync(roles, permissionName, cancellationToken);
    }
}
