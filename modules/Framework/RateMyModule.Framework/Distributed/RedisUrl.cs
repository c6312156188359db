using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StackExchange.Redis;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// <c>REDIS_URL</c>: <c>redis://[[user]:password@]host[:port][/db]</c> (<c>rediss://</c> for TLS), the form operators
/// and hosted Redis services hand out. A problem is described without the password.
/// </summary>
public static class RedisUrl
{
    public const string Variable = "REDIS_URL";
    public const int DefaultPort = 6379;
    private const string Shape = "redis://[:password@]host:port[/db]";

    public static bool TryParse(
        string text, [NotNullWhen(true)] out ConfigurationOptions? options, [NotNullWhen(false)] out string? problem)
    {
        options = null;
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss"))
        {
            problem = $"{Variable} must look like {Shape} (or rediss:// for TLS).";
            return false;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            problem = $"{Variable} names no host; it must look like {Shape}.";
            return false;
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"{Variable} must not have a query or fragment; it must look like {Shape}.";
            return false;
        }

        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
        {
            problem = $"{Variable} database '{path}' must be a number from 0 to 15.";
            return false;
        }

        options = new ConfigurationOptions
        {
            EndPoints = { { uri.Host, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port } },
            DefaultDatabase = database,
            Ssl = uri.Scheme == "rediss",
            ClientName = "ratemymodule",
            // Fail fast at start-up with a clear message; after that the client reconnects on its own.
            AbortOnConnectFail = true,
            ConnectTimeout = 5000,
            // While the server is away a request is answered 503 at once, rather than after waiting for it.
            BacklogPolicy = BacklogPolicy.FailFast,
        };
        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            var password = colon < 0 ? null : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            if (password is null)
            {
                // redis://secret@host is how some services write a password alone.
                options.Password = user;
            }
            else
            {
                options.User = user.Length > 0 ? user : null;
                options.Password = password;
            }
        }

        problem = null;
        return true;
    }

    /// <summary>host:port of the parsed options, for messages (never the password).</summary>
    public static string Describe(ConfigurationOptions options) => string.Join(", ", options.EndPoints.Select(endpoint => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString(),
    }));
}
