using RateMyModule.Framework.Permissions;

namespace RateMyModule.Accounts.Permissions;

public sealed class AccountsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(AccountsPermissions.GroupName, typeof(AccountsResource));
        group.AddPermission(AccountsPermissions.ManageUsers).GrantByDefaultTo(AccountRoles.UniversityAdmin);
        group.AddPermission(AccountsPermissions.ManageRoles);
    }
}
