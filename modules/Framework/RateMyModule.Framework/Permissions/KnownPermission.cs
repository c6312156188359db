namespace RateMyModule.Framework.Permissions;

/// <summary>
/// A permission this database has seen and whose default grants were applied. Without this record every seed run
/// would give a role back a permission an admin had taken away from it.
/// </summary>
public sealed class KnownPermission
{
    public string Name { get; set; } = "";

    public DateTimeOffset FirstSeenTime { get; set; }
}
