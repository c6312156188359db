using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// <c>GET /culture/switch?culture=cy&amp;returnUrl=/some/page</c>: remembers the language in the standard culture
/// cookie and goes back to the page, but only to a page of this site (an open redirect would let a link on
/// another site bounce users through ours to a look-alike).
/// </summary>
public static class CultureSwitchEndpoint
{
    public const string Path = "/culture/switch";

    public const string RouteName = "CultureSwitch";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static RouteHandlerBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Switch).WithName(RouteName).AllowAnonymous();

    /// <summary>The semantics of MVC's <c>Url.IsLocalUrl</c>: "/path" or "~/path", never "//host" or "/\host".</summary>
    public static bool IsLocalUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !HasControlCharacter(url.AsSpan(1)));
        }

        if (url[0] == '~' && url.Length > 1 && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacter(url.AsSpan(2)));
        }

        return false;
    }

    private static IResult Switch(
        HttpContext http,
        string? culture,
        string? returnUrl,
        IOptions<RequestLocalizationOptions> localization,
        IStringLocalizer<FrameworkResource> localizer,
        TimeProvider clock)
    {
        var supported = localization.Value.SupportedUICultures?
            .FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (supported is null)
        {
            return Results.Text(localizer["Framework:UnsupportedCulture", culture ?? string.Empty].Value, statusCode: StatusCodes.Status400BadRequest);
        }

        var cookieName = localization.Value.RequestCultureProviders.OfType<CookieRequestCultureProvider>().FirstOrDefault()?.CookieName
            ?? CookieRequestCultureProvider.DefaultCookieName;
        http.Response.Cookies.Append(
            cookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(supported)),
            new CookieOptions
            {
                Expires = clock.GetUtcNow().Add(CookieLifetime),
                Path = "/",
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                HttpOnly = true,
                IsEssential = true,
            });

        return Results.LocalRedirect(IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }

    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
