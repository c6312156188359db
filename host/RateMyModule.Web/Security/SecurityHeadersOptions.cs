namespace RateMyModule.Web.Security;

/// <summary>The headers every response carries; section <c>SecurityHeaders</c>.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "SecurityHeaders";

    /// <summary>
    /// Scripts and styles only from our own files (no inline code, no CDN): Bootstrap and htmx are vendored, and
    /// the site's own code lives in wwwroot/css and wwwroot/js.
    /// </summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>The site uses none of these powerful features, so no page (or injected frame) may ask for them.</summary>
    public string PermissionsPolicy { get; set; } =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
}
