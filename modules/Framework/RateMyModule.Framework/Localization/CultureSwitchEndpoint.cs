using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Http;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// <c>GET /culture/switch?culture=cy&amp;returnUrl=/some/page</c>: remembers the language in the standard culture
/// cookie and goes back to the page, but only to a page of this site (an open redirect would let a link on
/// another site bounce users through ours to a look-alike). For a signed-in user it also publishes
/// <see cref="CultureChangedEvent"/>, so a module that keeps user preferences can remember the choice.
/// </summary>
public static class CultureSwitchEndpoint
{
    public const string Path = "/culture/switch";

    public const string RouteName = "CultureSwitch";

    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    public static RouteHandlerBuilder MapCultureSwitch(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, Switch).WithName(RouteName).AllowAnonymous().WithMetadata(new ExpectWritesAttribute());

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

    private static async Task<IResult> Switch(
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

        // So mail sent later, outside any request, can be written in the language the user reads. (A host with
        // localization but without the event bus has nobody to tell.)
        var events = http.RequestServices.GetService<ILocalEventBus>();
        if (events is not null && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await events.PublishAsync(new CultureChangedEvent(userId, supported.Name), http.RequestAborted);
        }

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
