using Microsoft.AspNetCore.Builder;

namespace RateMyModule.Framework.Localization;

public static class FrameworkRequestLocalizationExtensions
{
    /// <summary>
    /// Sets each request's culture from the query string, the culture cookie or Accept-Language (in that order),
    /// limited to the supported cultures. Call it before routing so every endpoint and view sees the culture.
    /// </summary>
    public static IApplicationBuilder UseFrameworkRequestLocalization(this IApplicationBuilder app) =>
        app.UseRequestLocalization();
}
