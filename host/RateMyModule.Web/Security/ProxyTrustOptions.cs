namespace RateMyModule.Web.Security;

/// <summary>
/// Section <c>ForwardedHeaders</c>: which reverse proxies may tell us the client's address, scheme and host through
/// <c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c> and <c>X-Forwarded-Host</c>. Headers from anyone else are
/// ignored, so a client cannot fake its address (rate limits, audit log) or pretend a request was HTTPS.
/// </summary>
public sealed class ProxyTrustOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy IP addresses, e.g. <c>10.0.0.2</c> (env: <c>ForwardedHeaders__KnownProxies__0</c>).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>172.18.0.0/16</c> (env: <c>ForwardedHeaders__KnownNetworks__0</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>
    /// Trust the forwarded headers from any address. Only for a container network where nothing but the proxy can
    /// reach the app's port and the proxy's address is not fixed; never when the app's port is public.
    /// </summary>
    public bool TrustAllProxies { get; set; }
}
