using Microsoft.AspNetCore.Http.Extensions;
using RateMyModule.Framework.Http;
using RateMyModule.Framework.Localization;
using RateMyModule.Web.Localization;

namespace RateMyModule.Web.Theming;

/// <summary>
/// The light/dark toggle. <c>theme.js</c> sets the cookie itself and repaints at once; this endpoint is the same
/// toggle without JavaScript: <c>GET /theme/switch?scheme=dark&amp;returnUrl=/page</c> remembers the choice and goes
/// back (only to a page of this site). A GET is enough: the cookie changes nothing but colours.
/// </summary>
public static class ColourSchemeSwitch
{
    public const string Path = "/theme/switch";

    public static IReadOnlyList<string> Choices { get; } = [ColourScheme.Auto, ColourScheme.Light, ColourScheme.Dark];

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static string SwitchUrl(HttpRequest request, string scheme)
    {
        var query = new QueryBuilder { { "scheme", scheme }, { "returnUrl", CultureSwitcher.ReturnUrl(request) } };
        return request.PathBase.Add(Path).Value + query.ToQueryString().Value;
    }

    public static IEndpointConventionBuilder MapColourSchemeSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext http, string? scheme, string? returnUrl, TimeProvider clock) =>
        {
            if (scheme is null || !Choices.Contains(scheme))
            {
                return Results.BadRequest();
            }

            if (scheme == ColourScheme.Auto)
            {
                http.Response.Cookies.Delete(ColourScheme.CookieName, new CookieOptions { Path = "/" });
            }
            else
            {
                // Readable by theme.js (not HttpOnly): the script applies the choice before the page paints.
                http.Response.Cookies.Append(ColourScheme.CookieName, scheme, new CookieOptions
                {
                    Expires = clock.GetUtcNow().Add(CookieLifetime),
                    Path = "/",
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    IsEssential = true,
                });
            }

            return Results.LocalRedirect(CultureSwitchEndpoint.IsLocalUrl(returnUrl) ? LocalRedirects.ForLocationHeader(returnUrl!) : "/");
        }).AllowAnonymous();

    /// <summary>
    /// Asks Chromium for the device's scheme on every request (and, once, to retry the first one with it), so a
    /// page is rendered dark for a dark device even where no script runs.
    /// </summary>
    public static IApplicationBuilder UseColourSchemeHints(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (headers.ContentType.ToString().StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                headers["Accept-CH"] = ColourScheme.ClientHintHeader;
                headers["Critical-CH"] = ColourScheme.ClientHintHeader;
                headers.Append("Vary", ColourScheme.ClientHintHeader);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
