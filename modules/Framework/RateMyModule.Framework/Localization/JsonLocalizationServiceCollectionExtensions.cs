using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;

namespace RateMyModule.Framework.Localization;

public static class JsonLocalizationServiceCollectionExtensions
{
    /// <summary>
    /// The JSON localizer factory behind <c>IStringLocalizer&lt;T&gt;</c>, <c>IViewLocalizer</c> and validation
    /// messages, the kernel's shared texts, and request localization for the supported cultures.
    /// </summary>
    public static IServiceCollection AddFrameworkLocalization(this IServiceCollection services)
    {
        // A second call (a host that also asks for it) must not register the shared texts twice.
        if (services.Any(d => d.ServiceType == typeof(JsonLocalizationTextStore)))
        {
            return services;
        }

        services.AddOptions<JsonLocalizationOptions>();
        services.AddJsonLocalizationResource<FrameworkResource>(typeof(FrameworkResource).Assembly);
        services.TryAddSingleton<JsonLocalizationTextStore>();
        services.TryAddSingleton(TimeProvider.System);

        // Replace, not TryAdd: AddLocalization() (also called by MVC's AddViewLocalization) only TryAdds its
        // ResourceManager factory, so whichever runs first, this one stays.
        services.AddLocalization();
        services.RemoveAll<IStringLocalizerFactory>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();

        // What AddViewLocalization() registers, without needing the host's IMvcBuilder. The view localizer is built
        // by a factory because it needs IWebHostEnvironment, which a console host (the DbMigrator) does not have and
        // would then fail its start-up validation over.
        services.TryAddSingleton<IHtmlLocalizerFactory, HtmlLocalizerFactory>();
        services.TryAddTransient(typeof(IHtmlLocalizer<>), typeof(HtmlLocalizer<>));
        services.TryAddTransient<IViewLocalizer>(sp => new ViewLocalizer(
            sp.GetRequiredService<IHtmlLocalizerFactory>(), sp.GetRequiredService<IWebHostEnvironment>()));

        services.Configure<MvcDataAnnotationsLocalizationOptions>(options =>
            options.DataAnnotationLocalizerProvider = (modelType, factory) => factory.Create(modelType));
        services.Configure<MvcOptions>(options =>
            options.ModelMetadataDetailsProviders.Add(new ValidationMessageKeyProvider()));

        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = FrameworkCultures.Supported.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new(FrameworkCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.ApplyCurrentCultureToResponseHeaders = true;

            // The default providers already run query string, then cookie, then Accept-Language; said here so
            // that order is a visible decision rather than an accident of the defaults.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// Registers the texts named by <typeparamref name="TResource"/>: JSON files <c>{resourcePath}/&lt;culture&gt;.json</c>
    /// embedded in <paramref name="assembly"/>. A key missing there is looked up in <paramref name="baseResource"/>
    /// (when given) and then in the kernel's shared texts.
    /// </summary>
    public static IServiceCollection AddJsonLocalizationResource<TResource>(
        this IServiceCollection services,
        Assembly assembly,
        Type? baseResource = null,
        string resourcePath = JsonLocalizationResource.DefaultResourcePath)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var resource = new JsonLocalizationResource(typeof(TResource), assembly, baseResource, resourcePath);
        services.Configure<JsonLocalizationOptions>(options => options.AddResource(resource));
        return services;
    }
}
