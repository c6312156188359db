namespace RateMyModule.Framework.Permissions;

/// <summary>Role names the kernel itself relies on.</summary>
public static class FrameworkRoles
{
    /// <summary>Granted every defined permission by <see cref="PermissionsDataSeedContributor"/>.</summary>
    public const string Admin = "Admin";

    public const int MaxNameLength = 64;
}
