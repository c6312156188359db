using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.Permissions;

/// <summary>The user must be granted <see cref="PermissionName"/>.</summary>
public sealed class PermissionRequirement(string permissionName) : IAuthorizationRequirement
{
    public string PermissionName { get; } = permissionName;

    public override string ToString() => $"PermissionRequirement: {PermissionName}";
}

/// <summary>Meets a <see cref="PermissionRequirement"/> through <see cref="IPermissionChecker"/>. Scoped, like the checker.</summary>
public sealed class PermissionAuthorizationHandler(IPermissionChecker checker) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (await checker.IsGrantedAsync(context.User, requirement.PermissionName))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>
/// Makes every defined permission a policy of the same name, so <c>[Authorize(Policy = "Courses.Modules.Edit")]</c>
/// works without registering each one. Policies configured in <see cref="AuthorizationOptions"/> win; any other
/// name goes to the default provider, which answers as it always does.
/// </summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PermissionDefinitionManager definitions)
    : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _permissionPolicies = new(StringComparer.Ordinal);

    public bool AllowsCachingPolicies => true;

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var configured = await _fallback.GetPolicyAsync(policyName);
        if (configured is not null || !definitions.IsDefined(policyName))
        {
            return configured;
        }

        return _permissionPolicies.GetOrAdd(
            policyName,
            name => new AuthorizationPolicyBuilder().AddRequirements(new PermissionRequirement(name)).Build());
    }

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();
}
