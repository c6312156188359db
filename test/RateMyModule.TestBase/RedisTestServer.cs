using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RateMyModule.Framework.Distributed;
using StackExchange.Redis;

namespace RateMyModule.TestBase;

/// <summary>
/// A real Redis for tests of several replicas: the one <c>RMM_TEST_REDIS</c> names (a <c>redis://host:port</c> URL,
/// as <c>.ci/run</c> sets), else a throwaway <c>redis-server</c> on a free loopback port, stopped with the fixture.
/// Without either the fixture fails and says what to install: a test of sharing must not pass without the sharer.
/// </summary>
public sealed class RedisTestServer : IDisposable
{
    public const string Variable = "RMM_TEST_REDIS";

    private readonly Process? _server;

    public RedisTestServer()
        : this(Environment.GetEnvironmentVariable(Variable))
    {
    }

    /// <param name="given">A server to use instead of starting one; null starts one (tests that stop it need their own).</param>
    public RedisTestServer(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            Url = given.Trim();
        }
        else
        {
            var port = FreePort();
            try
            {
                _server = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                });
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"These tests need Redis: install redis-server (apt-get install redis-server) or set {Variable}=redis://host:port.", e);
            }

            _server!.OutputDataReceived += (_, _) => { };
            _server.BeginOutputReadLine();
            Url = $"redis://127.0.0.1:{port}";
        }

        if (!RedisUrl.TryParse(Url, out var options, out var problem))
        {
            throw new InvalidOperationException($"{Variable}: {problem}");
        }

        options.AllowAdmin = true;
        options.AbortOnConnectFail = true;
        Connection = ConnectWithRetry(options);
    }

    /// <summary>The <c>REDIS_URL</c> to give the app.</summary>
    public string Url { get; }

    /// <summary>The test's own connection, to look at or reset what the app stored.</summary>
    public ConnectionMultiplexer Connection { get; }

    /// <summary>Deletes the keys matching <paramref name="pattern"/> (a Redis glob), so that a test starts from no counts.</summary>
    public async Task DeleteKeysAsync(string pattern)
    {
        foreach (var endpoint in Connection.GetEndPoints())
        {
            var server = Connection.GetServer(endpoint);
            await foreach (var key in server.KeysAsync(pattern: pattern))
            {
                await Connection.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    /// <summary>Whether this fixture started the server itself (and so may stop it).</summary>
    public bool IsOwned => _server is not null;

    /// <summary>Stops the server this fixture started, as an outage would.</summary>
    public void Stop()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit(5000);
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        Stop();
        _server?.Dispose();
    }

    private static ConnectionMultiplexer ConnectWithRetry(ConfigurationOptions options)
    {
        // A server just started needs a moment before it accepts connections.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ConnectionMultiplexer.Connect(options);
            }
            catch (RedisConnectionException) when (attempt < 20)
            {
                Thread.Sleep(250);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
