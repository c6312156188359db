namespace RateMyModule.Framework.Permissions;

/// <summary>A role holds a permission. Stored, so an admin can change what a role may do without a deploy.</summary>
public sealed class PermissionGrant
{
    public Guid Id { get; set; }

    public string RoleName { get; set; } = "";

    public string PermissionName { get; set; } = "";
}
