using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using RateMyModule.Web.Security;

namespace RateMyModule.Web.Tests;

public sealed class ForwardedHeadersSetupTests
{
    [Fact]
    public void Configured_proxies_and_networks_are_trusted_besides_loopback()
    {
        var options = Configure(new ProxyTrustOptions { KnownProxies = ["10.0.0.2"], KnownNetworks = ["172.18.0.0/16"] });

        options.KnownProxies.ShouldContain(IPAddress.Parse("10.0.0.2"));
        options.KnownIPNetworks.ShouldContain(network => network.Contains(IPAddress.Loopback));
        options.KnownIPNetworks.ShouldContain(System.Net.IPNetwork.Parse("172.18.0.0/16"));
        options.ForwardedHeaders.ShouldBe(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
    }

    [Fact]
    public void Trusting_all_proxies_leaves_no_address_restriction()
    {
        var options = Configure(new ProxyTrustOptions { TrustAllProxies = true, KnownProxies = ["10.0.0.2"] });

        options.KnownProxies.ShouldBeEmpty();
        options.KnownIPNetworks.ShouldBeEmpty();
    }

    private static ForwardedHeadersOptions Configure(ProxyTrustOptions trust)
    {
        var options = new ForwardedHeadersOptions();
        new ForwardedHeadersSetup(Options.Create(trust)).Configure(options);
        return options;
    }
}
