using RateMyModule.Framework.Permissions;

namespace RateMyModule.Sample.Permissions;

/// <summary>The Sample module's permissions, named for /Admin/Roles; Admin holds them all, other roles when granted.</summary>
public sealed class SamplePermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(SamplePermissions.GroupName, typeof(SampleResource));
        group.AddPermission(SamplePermissions.Manage);
    }
}
