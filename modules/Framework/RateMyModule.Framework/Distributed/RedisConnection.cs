using StackExchange.Redis;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// The one Redis connection of the process, registered only when <c>REDIS_URL</c> is set. It is opened on first use
/// (the web host opens it at start-up through <see cref="ConnectAsync"/>, so that an unreachable server stops it with
/// one clear line); afterwards the client reconnects by itself if the server goes away.
/// </summary>
public sealed class RedisConnection(ConfigurationOptions options) : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer = new(() => ConnectionMultiplexer.Connect(options));

    /// <summary>The prefix of every key this application writes, so that a shared server stays readable.</summary>
    public const string KeyPrefix = "rmm:";

    /// <summary>host:port, for messages.</summary>
    public string Endpoint { get; } = RedisUrl.Describe(options);

    public IConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    /// <summary>Opens the connection now; throws <see cref="RedisConnectionException"/> when the server cannot be reached.</summary>
    public Task ConnectAsync() => Task.Run(() => _multiplexer.Value);

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
