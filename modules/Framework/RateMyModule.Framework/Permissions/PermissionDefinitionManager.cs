namespace RateMyModule.Framework.Permissions;

/// <summary>
/// Every permission the modules declare, collected once (a singleton): what the policy provider, the checker, the
/// admin seed and an admin screen read. A name defined twice stops the application with both providers named.
/// </summary>
public sealed class PermissionDefinitionManager
{
    private readonly IReadOnlyList<PermissionGroupDefinition> _groups;
    private readonly IReadOnlyList<PermissionDefinition> _all;
    private readonly Dictionary<string, PermissionDefinition> _permissions;

    public PermissionDefinitionManager(IEnumerable<IPermissionDefinitionProvider> providers)
    {
        var context = new PermissionDefinitionContext();
        var sources = new Dictionary<string, (PermissionDefinition Definition, string Source)>(StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            var source = provider.GetType().Name;
            context.CurrentSource = source;
            provider.Define(context);
            foreach (var permission in context.Groups.SelectMany(g => g.GetPermissionsWithChildren()))
            {
                if (!sources.TryGetValue(permission.Name, out var known))
                {
                    sources.Add(permission.Name, (permission, source));
                }
                else if (!ReferenceEquals(known.Definition, permission))
                {
                    throw new InvalidOperationException(
                        $"The permission '{permission.Name}' is defined twice: by {known.Source} and by {source}. "
                        + "Permission names are policy names and must be unique.");
                }
            }
        }

        _groups = context.Groups;
        _all = context.Groups.SelectMany(g => g.GetPermissionsWithChildren()).ToList();
        _permissions = sources.ToDictionary(p => p.Key, p => p.Value.Definition, StringComparer.Ordinal);
    }

    public IReadOnlyList<PermissionGroupDefinition> Groups => _groups;

    /// <summary>Every permission, group by group, each parent before its children.</summary>
    public IReadOnlyList<PermissionDefinition> Permissions => _all;

    public PermissionDefinition? GetOrNull(string name) => _permissions.GetValueOrDefault(name);

    public bool IsDefined(string name) => _permissions.ContainsKey(name);
}
