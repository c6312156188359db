namespace RateMyModule.Framework.Permissions;

/// <summary>The kernel's own permissions: looking into the job queue and the entity-change log.</summary>
public static class FrameworkPermissions
{
    public const string GroupName = "Framework";

    public const string ViewBackgroundJobs = "Framework.BackgroundJobs.View";

    public const string ViewAuditLog = "Framework.AuditLog.View";
}

public sealed class FrameworkPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup(FrameworkPermissions.GroupName);
        group.AddPermission(FrameworkPermissions.ViewBackgroundJobs);
        group.AddPermission(FrameworkPermissions.ViewAuditLog);
    }
}
