using System.Reflection;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// One registered set of texts: a marker type names it, its JSON files (<c>{path}/en.json</c>, <c>cy.json</c>, …)
/// are embedded in <see cref="Assembly"/>, and a key it lacks is looked up in <see cref="BaseResourceType"/>.
/// </summary>
public sealed record JsonLocalizationResource(
    Type ResourceType,
    Assembly Assembly,
    Type? BaseResourceType,
    string ResourcePath)
{
    public const string DefaultResourcePath = "Localization/Resources";

    public string Name => ResourceType.Name;
}
