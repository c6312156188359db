using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RateMyModule.Web.Security;

/// <summary>Turns <see cref="ProxyTrustOptions"/> into ASP.NET Core's <see cref="ForwardedHeadersOptions"/>.</summary>
public sealed class ForwardedHeadersSetup(IOptions<ProxyTrustOptions> trust) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions options)
    {
        var settings = trust.Value;
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        if (settings.TrustAllProxies)
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            return;
        }

        // Loopback stays trusted (the defaults): a proxy on the same machine is the common single-host setup.
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
