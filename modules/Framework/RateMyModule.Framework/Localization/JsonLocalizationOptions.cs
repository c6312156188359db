namespace RateMyModule.Framework.Localization;

/// <summary>The registered resources and the culture every lookup ends with.</summary>
public sealed class JsonLocalizationOptions
{
    private readonly List<JsonLocalizationResource> _resources = [];

    public string DefaultCulture { get; set; } = FrameworkCultures.Default;

    /// <summary>In registration order: when several resources share an assembly, the first one answers for it.</summary>
    public IReadOnlyList<JsonLocalizationResource> Resources => _resources;

    public void AddResource(JsonLocalizationResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_resources.Any(r => r.ResourceType == resource.ResourceType))
        {
            throw new InvalidOperationException(
                $"The localization resource {resource.ResourceType.FullName} is registered twice; register it once, in its own module.");
        }

        _resources.Add(resource);
    }
}
