using RateMyModule.Accounts;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Courses.Permissions;

public sealed class CoursesPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(CoursesPermissions.GroupName, typeof(CoursesResource));
        // A UniversityAdmin manages their own university's catalogue; the services enforce the scope.
        group.AddPermission(CoursesPermissions.ManageCatalogue).GrantByDefaultTo(AccountRoles.UniversityAdmin);
        group.AddPermission(CoursesPermissions.ManageUniversities);
    }
}
