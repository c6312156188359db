namespace RateMyModule.Framework.Permissions;

/// <summary>
/// A named capability a role can be granted, and the authorization policy of the same name. Its display name is a
/// localization key (by convention <c>Permission:&lt;name&gt;</c>), resolved by whoever shows it.
/// </summary>
public sealed class PermissionDefinition
{
    public const int MaxNameLength = 128;

    private readonly List<PermissionDefinition> _children = [];
    private readonly List<string> _defaultRoles = [];

    internal PermissionDefinition(string name, string? displayNameKey, PermissionGroupDefinition group, PermissionDefinition? parent)
    {
        Name = PermissionNameRules.Validate(name, MaxNameLength, "permission");
        DisplayNameKey = displayNameKey ?? DefaultDisplayNameKey(name);
        Group = group;
        Parent = parent;
    }

    public string Name { get; }

    public string DisplayNameKey { get; }

    public PermissionGroupDefinition Group { get; }

    /// <summary>The permission this one refines; the hierarchy is for display, each permission is granted on its own.</summary>
    public PermissionDefinition? Parent { get; }

    public IReadOnlyList<PermissionDefinition> Children => _children;

    /// <summary>
    /// Roles given this permission when it first appears in a database. After that the grants are the admins' to
    /// change: a later seed does not give back what an admin took away.
    /// </summary>
    public IReadOnlyList<string> DefaultRoles => _defaultRoles;

    public static string DefaultDisplayNameKey(string permissionName) => $"Permission:{permissionName}";

    public PermissionDefinition AddChild(string name, string? displayNameKey = null)
    {
        var child = new PermissionDefinition(name, displayNameKey, Group, this);
        _children.Add(child);
        return child;
    }

    /// <summary>Adds roles to <see cref="DefaultRoles"/>; returns this definition so declarations read as one line.</summary>
    public PermissionDefinition GrantByDefaultTo(params string[] roleNames)
    {
        foreach (var role in roleNames)
        {
            if (!_defaultRoles.Contains(role, StringComparer.Ordinal))
            {
                _defaultRoles.Add(role);
            }
        }

        return this;
    }

    /// <summary>This permission and all its descendants, parents first.</summary>
    public IEnumerable<PermissionDefinition> SelfAndDescendants()
    {
        yield return this;
        foreach (var descendant in _children.SelectMany(c => c.SelfAndDescendants()))
        {
            yield return descendant;
        }
    }
}

/// <summary>Permissions shown together (usually one module's). Its display name is a localization key too.</summary>
public sealed class PermissionGroupDefinition
{
    private readonly List<PermissionDefinition> _permissions = [];

    internal PermissionGroupDefinition(string name, Type? localizationResource, string? displayNameKey)
    {
        Name = PermissionNameRules.Validate(name, PermissionDefinition.MaxNameLength, "permission group");
        LocalizationResource = localizationResource;
        DisplayNameKey = displayNameKey ?? DefaultDisplayNameKey(name);
    }

    public string Name { get; }

    public string DisplayNameKey { get; }

    /// <summary>
    /// The localization resource holding the display names of the group and its permissions (the defining module's
    /// own), so a screen in another module can show them; null means the kernel's own texts.
    /// </summary>
    public Type? LocalizationResource { get; }

    /// <summary>The top-level permissions of the group; children hang below them.</summary>
    public IReadOnlyList<PermissionDefinition> Permissions => _permissions;

    public static string DefaultDisplayNameKey(string groupName) => $"PermissionGroup:{groupName}";

    public PermissionDefinition AddPermission(string name, string? displayNameKey = null)
    {
        var permission = new PermissionDefinition(name, displayNameKey, this, parent: null);
        _permissions.Add(permission);
        return permission;
    }

    /// <summary>Every permission of the group, each parent before its children.</summary>
    public IEnumerable<PermissionDefinition> GetPermissionsWithChildren() => _permissions.SelectMany(p => p.SelfAndDescendants());
}

/// <summary>What a module's <see cref="IPermissionDefinitionProvider"/> writes its groups into.</summary>
public sealed class PermissionDefinitionContext
{
    private readonly List<PermissionGroupDefinition> _groups = [];
    private readonly Dictionary<string, string> _groupSources = [];

    public IReadOnlyList<PermissionGroupDefinition> Groups => _groups;

    /// <summary>The provider now defining, so a duplicate can be reported with both culprits.</summary>
    internal string CurrentSource { get; set; } = "";

    /// <param name="name">The group's unique name.</param>
    /// <param name="localizationResource">The module's resource type with the <c>PermissionGroup:</c> and <c>Permission:</c> texts.</param>
    /// <param name="displayNameKey">A key other than <c>PermissionGroup:&lt;name&gt;</c>.</param>
    public PermissionGroupDefinition AddGroup(string name, Type? localizationResource = null, string? displayNameKey = null)
    {
        if (_groupSources.TryGetValue(name, out var earlier))
        {
            throw new InvalidOperationException(
                $"The permission group '{name}' is defined twice: by {earlier} and by {CurrentSource}. "
                + "Group names must be unique; to add to another module's group, use GetGroupOrNull.");
        }

        var group = new PermissionGroupDefinition(name, localizationResource, displayNameKey);
        _groups.Add(group);
        _groupSources[name] = CurrentSource;
        return group;
    }

    /// <summary>A group defined earlier (by this or a module loaded before), so a module can add to another's group.</summary>
    public PermissionGroupDefinition? GetGroupOrNull(string name) => _groups.Find(g => g.Name == name);
}

/// <summary>A module declares its permission groups and permissions. Register with <c>AddPermissionDefinitions&lt;T&gt;()</c>.</summary>
public interface IPermissionDefinitionProvider
{
    void Define(PermissionDefinitionContext context);
}

internal static class PermissionNameRules
{
    public static string Validate(string name, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A {what} needs a name.", nameof(name));
        }

        if (name.Length > maxLength || name.Trim() != name)
        {
            throw new ArgumentException($"The {what} name '{name}' must be at most {maxLength} characters without surrounding spaces.", nameof(name));
        }

        return name;
    }
}
