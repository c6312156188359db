using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Http;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// <c>GET /culture/switch?culture=cy&amp;returnUrl=/some/page</c>: remembers the language in the standard culture
/// cookie and goes back to the page, but only to a page of this site (an open redirect would let a link on
/// another site bounce users through ours to a look-alike). <c>POST /culture/switch</c> (a form with the same
/// fields and an antiforgery token) does the same and, for a signed-in user, publishes
/// <see cref="CultureChangedEvent"/> so a module that keeps user preferences can store the choice: a stored change
/// is a POST, so a link or image on another site cannot make it.
/// </summary>
public static class CultureSwitchEndpoint
{
    public const string Path = "/culture/switch";

    public const string RouteName = "CultureSwitch";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static RouteHandlerBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints)
    {
        // The form is read and its token checked by hand: form binding would ask for an antiforgery middleware that
        // this Razor Pages host (which validates with a filter) does not run.
        // A page link and a form of the site, not part of the HTTP API: kept out of its OpenAPI document, whose
        // operations all answer JSON and problem+json.
        endpoints.MapPost(Path, SwitchAndRememberAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints.MapGet(Path, (HttpContext http, string? culture, string? returnUrl, IOptions<RequestLocalizationOptions> localization,
                IStringLocalizer<FrameworkResource> localizer, TimeProvider clock)
            => Switch(http, culture, returnUrl, localization.Value, localizer, clock)).WithName(RouteName).AllowAnonymous().ExcludeFromDescription();
    }

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

    private static async Task<IResult> SwitchAndRememberAsync(
        HttpContext http, IAntiforgery antiforgery, IOptions<RequestLocalizationOptions> localization, IStringLocalizer<FrameworkResource> localizer, TimeProvider clock)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Text(localizer["Framework:FormExpired"].Value, statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var culture = form["culture"].ToString();
        var result = Switch(http, culture, form["returnUrl"].ToString(), localization.Value, localizer, clock);
        var supported = Supported(localization.Value, culture);

        // So mail sent later, outside any request, can be written in the language the user reads. (A host with
        // localization but without the event bus has nobody to tell.)
        var events = http.RequestServices.GetService<ILocalEventBus>();
        if (supported is not null && events is not null && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await events.PublishAsync(new CultureChangedEvent(userId, supported.Name), http.RequestAborted);
        }

        return result;
    }

    private static System.Globalization.CultureInfo? Supported(RequestLocalizationOptions localization, string? culture)
        => localization.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));

    private static IResult Switch(
        HttpContext http,
        string? culture,
        string? returnUrl,
        RequestLocalizationOptions localization,
        IStringLocalizer<FrameworkResource> localizer,
        TimeProvider clock)
    {
        var supported = localization.SupportedUICultures?
            .FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
        if (supported is null)
        {
            return Results.Text(localizer["Framework:UnsupportedCulture", culture ?? string.Empty].Value, statusCode: StatusCodes.Status400BadRequest);
        }

        var cookieName = localization.RequestCultureProviders.OfType<CookieRequestCultureProvider>().FirstOrDefault()?.CookieName
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

        return Results.LocalRedirect(IsLocalUrl(returnUrl) ? LocalRedirects.ForLocationHeader(returnUrl!) : "/");
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

/// <summary>A signed-in user chose the language they read the site in.</summary>
public sealed record CultureChangedEvent(Guid UserId, string Culture);
