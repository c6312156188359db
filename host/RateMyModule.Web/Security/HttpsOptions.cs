namespace RateMyModule.Web.Security;

/// <summary>
/// Section <c>Https</c>. Both are off by default because the usual deployment terminates TLS at a reverse proxy,
/// which redirects and sends HSTS itself; switch them on when Kestrel faces browsers, or to add them behind a
/// proxy that forwards <c>X-Forwarded-Proto</c> (see <see cref="ProxyTrustOptions"/>).
/// </summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>Redirect plain HTTP requests to HTTPS.</summary>
    public bool Redirect { get; set; }

    /// <summary>Send <c>Strict-Transport-Security</c> on HTTPS responses.</summary>
    public bool Hsts { get; set; }

    /// <summary>The public HTTPS port that redirects point at.</summary>
    public int Port { get; set; } = 443;

    public int HstsMaxAgeDays { get; set; } = 365;
}
