using RateMyModule.Framework.Permissions;

namespace RateMyModule.Reviews;

public sealed class ReviewsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(ReviewsPermissions.GroupName);
        group.AddPermission(ReviewsPermissions.Moderate);
        group.AddPermission(ReviewsPermissions.ManageTags);
    }
}
