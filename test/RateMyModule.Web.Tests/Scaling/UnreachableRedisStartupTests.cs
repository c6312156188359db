using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Scaling;

public sealed class UnreachableRedisStartupTests
{
    [Fact]
    public void A_redis_that_cannot_be_reached_stops_the_start_with_one_line_naming_host_and_port_but_not_the_password()
    {
        var port = ClosedPort();
        using var factory = new NoRedisFactory($"redis://:hunter2-password@127.0.0.1:{port}");

        // As for a database that is behind: one "configuration error:" line (exit 1), so the test host never starts.
        var output = new StringWriter();
        var original = Console.Error;
        Console.SetError(output);
        try
        {
            Should.Throw<InvalidOperationException>(() => factory.CreateClient());
        }
        finally
        {
            Console.SetError(original);
        }

        var line = output.ToString().Split('\n').Single(l => l.Contains("REDIS_URL", StringComparison.Ordinal));
        line.ShouldStartWith("configuration error: ");
        line.ShouldContain($"127.0.0.1:{port}");
        line.ShouldNotContain("hunter2");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class NoRedisFactory(string url) : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("REDIS_URL", url);
        }
    }
}
