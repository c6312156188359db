using RateMyModule.Framework.Permissions;

namespace RateMyModule.Courses.Permissions;

public sealed class CoursesPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(CoursesPermissions.GroupName);
        group.AddPermission(CoursesPermissions.ManageCatalogue);
        group.AddPermission(CoursesPermissions.ManageUniversities);
    }
}
