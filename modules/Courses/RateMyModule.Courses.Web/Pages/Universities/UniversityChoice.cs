using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using RateMyModule.Accounts;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>
/// The university a visitor browses: a signed-in member's own (their claim), else the one they picked, remembered
/// in a cookie. The cookie only records a choice the visitor made, so it is functional, not tracking.
/// </summary>
public static class UniversityChoice
{
    public const string CookieName = "rmm_university";

    public static Guid? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(context.User.FindFirstValue(AccountClaimTypes.UniversityId), out var own))
        {
            return own;
        }

        return Guid.TryParse(context.Request.Cookies[CookieName], out var chosen) ? chosen : null;
    }

    public static bool IsFromClaim(HttpContext context)
        => context?.User.FindFirstValue(AccountClaimTypes.UniversityId) is not null;

    public static void Remember(HttpContext context, Guid universityId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Guid.TryParse(context.Request.Cookies[CookieName], out var remembered) && remembered == universityId)
        {
            // Already remembered: no Set-Cookie, so the page stays the same for every such visitor and can be cached.
            return;
        }

        context.Response.Cookies.Append(CookieName, universityId.ToString(), new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });
    }
}
