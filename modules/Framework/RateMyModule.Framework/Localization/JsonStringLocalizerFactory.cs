using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// Replaces ASP.NET Core's ResourceManager factory: <c>IStringLocalizer&lt;T&gt;</c>, <c>IViewLocalizer</c> and
/// DataAnnotations messages all end here and read the modules' JSON resources.
/// </summary>
/// <remarks>
/// A marker type maps to its own resource; any other type, and a view's location (an assembly name), map to the
/// first resource registered for that assembly; anything else gets the kernel's shared texts.
/// </remarks>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonLocalizationTextStore _store;
    private readonly string _defaultCulture;
    private readonly Dictionary<Type, JsonLocalizationResource> _byType;
    private readonly IReadOnlyList<JsonLocalizationResource> _resources;
    private readonly JsonLocalizationResource _root;
    private readonly ConcurrentDictionary<Type, JsonStringLocalizer> _localizers = new();

    // IViewLocalizer asks on every view and partial a page renders; the answer depends only on the location.
    private readonly ConcurrentDictionary<string, IStringLocalizer> _byLocation = new(StringComparer.Ordinal);

    public JsonStringLocalizerFactory(IOptions<JsonLocalizationOptions> options, JsonLocalizationTextStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _defaultCulture = options.Value.DefaultCulture;
        _resources = options.Value.Resources;
        _byType = _resources.ToDictionary(r => r.ResourceType);
        _root = _byType.GetValueOrDefault(typeof(FrameworkResource))
            ?? throw new InvalidOperationException(
                $"The {nameof(FrameworkResource)} localization resource is not registered; call services.AddFrameworkLocalization().");

        // Fail at start-up, not on the first page that needs a text, when a base resource is missing or circular.
        foreach (var resource in _resources)
        {
            _ = ChainOf(resource);
        }
    }

    public IStringLocalizer Create(Type resourceSource)
    {
        ArgumentNullException.ThrowIfNull(resourceSource);
        var resource = _byType.GetValueOrDefault(resourceSource) ?? ForAssembly(resourceSource.Assembly.GetName().Name);
        return LocalizerFor(resource);
    }

    /// <summary>
    /// <c>IViewLocalizer</c> passes the view's path as <paramref name="baseName"/> and the application's assembly
    /// name as <paramref name="location"/>; the assembly decides the resource.
    /// </summary>
    public IStringLocalizer Create(string baseName, string location) =>
        _byLocation.GetOrAdd(location ?? "", at => LocalizerFor(ForAssembly(at.Length == 0 ? null : new AssemblyName(at).Name)));

    private JsonLocalizationResource ForAssembly(string? assemblyName) =>
        _resources.FirstOrDefault(r => r.Assembly.GetName().Name == assemblyName)
        ?? _resources.FirstOrDefault(r => r.ResourceType.Assembly.GetName().Name == assemblyName)
        ?? _root;

    private JsonStringLocalizer LocalizerFor(JsonLocalizationResource resource) =>
        _localizers.GetOrAdd(resource.ResourceType, _ => new JsonStringLocalizer(ChainOf(resource), _store, _defaultCulture));

    /// <summary>The resource, its declared bases, and finally the shared texts.</summary>
    private List<JsonLocalizationResource> ChainOf(JsonLocalizationResource resource)
    {
        var chain = new List<JsonLocalizationResource>();
        for (JsonLocalizationResource? current = resource; current is not null; current = BaseOf(current))
        {
            if (chain.Contains(current))
            {
                throw new InvalidOperationException(
                    $"The localization resources {string.Join(" → ", chain.Select(r => r.Name))} → {current.Name} fall back in a circle.");
            }

            chain.Add(current);
        }

        if (!chain.Contains(_root))
        {
            chain.Add(_root);
        }

        return chain;
    }

    private JsonLocalizationResource? BaseOf(JsonLocalizationResource resource)
    {
        if (resource.BaseResourceType is null)
        {
            return null;
        }

        return _byType.GetValueOrDefault(resource.BaseResourceType)
            ?? throw new InvalidOperationException(
                $"The localization resource {resource.Name} falls back to {resource.BaseResourceType.Name}, which is not registered.");
    }
}
