using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Framework.Tests.Localization;

/// <summary>A module's texts, embedded in this assembly under Localization/Resources (en, cy, cy-GB).</summary>
public sealed class CatalogueResource;

/// <summary>The module's web layer: its own texts under Localization/WebResources, falling back to the module's.</summary>
public sealed class CatalogueWebResource;

public static class CatalogueLocalization
{
    public static IServiceCollection AddCatalogueLocalization(this IServiceCollection services) =>
        services
            .AddJsonLocalizationResource<CatalogueResource>(typeof(CatalogueResource).Assembly)
            .AddJsonLocalizationResource<CatalogueWebResource>(
                typeof(CatalogueWebResource).Assembly,
                baseResource: typeof(CatalogueResource),
                resourcePath: "Localization/WebResources");

    /// <summary>
    /// The kernel's localization plus the catalogue resources, without a host. Validated on build, which proves the
    /// registrations need nothing a console host lacks; MVC's own services do need a web host, so tests adding
    /// MVC switch that off.
    /// </summary>
    public static ServiceProvider BuildServices(Action<IServiceCollection>? configure = null, bool validateOnBuild = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFrameworkLocalization();
        services.AddCatalogueLocalization();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validateOnBuild, ValidateScopes = true });
    }
}
