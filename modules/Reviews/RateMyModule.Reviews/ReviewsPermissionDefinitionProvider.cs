using RateMyModule.Accounts;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Reviews;

public sealed class ReviewsPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(ReviewsPermissions.GroupName, typeof(ReviewsResource));
        group.AddPermission(ReviewsPermissions.Moderate).GrantByDefaultTo(AccountRoles.Moderator, AccountRoles.UniversityAdmin);
        group.AddPermission(ReviewsPermissions.ManageTags).GrantByDefaultTo(AccountRoles.Moderator, AccountRoles.UniversityAdmin);

        // A shared tag shows on every university's pages, so by default only the Admin changes it.
        group.AddPermission(ReviewsPermissions.ManageAllTags);
    }
}
