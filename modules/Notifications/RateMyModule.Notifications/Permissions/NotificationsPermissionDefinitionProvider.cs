using RateMyModule.Framework.Permissions;

namespace RateMyModule.Notifications.Permissions;

/// <summary>The Notifications module's permissions, named for /Admin/Roles; Admin holds them all, other roles when granted.</summary>
public sealed class NotificationsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(NotificationsPermissions.GroupName, typeof(NotificationsResource));
        group.AddPermission(NotificationsPermissions.Manage);
    }
}
