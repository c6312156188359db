using Microsoft.AspNetCore.Hosting;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Scaling;

/// <summary>
/// Two instances of the real host, as two replicas behind a load balancer: one SQLite database file (the first
/// migrates and seeds the demo data, the second only starts on it, as after the DbMigrator) and one real Redis.
/// </summary>
public sealed class TwoReplicasFixture : IDisposable
{
    /// <summary>Sign-in POSTs per client per window, counted across both replicas.</summary>
    public const int SignInPermitLimit = 4;

    public TwoReplicasFixture()
    {
        Redis = new RedisTestServer();
        A = new Replica(Redis.Url, sharedConnectionString: null);
        _ = A.Server;
        B = new Replica(Redis.Url, A.Database.ConnectionString);
        _ = B.Server;
    }

    public RedisTestServer Redis { get; }

    public Replica A { get; }

    public Replica B { get; }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        Redis.Dispose();
    }

    public sealed class Replica(string redisUrl, string? sharedConnectionString) : WebAppFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = new Dictionary<string, string?>
                {
                    ["Database:SeedDemoData"] = "true",
                    ["Accounts:SignInPermitLimit"] = SignInPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                if (sharedConnectionString is not null)
                {
                    settings["ConnectionStrings:Default"] = sharedConnectionString;
                    settings["Database:AutoMigrate"] = "false";
                }

                return settings;
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Read while the modules register their services, so it must reach the entry point's configuration.
            builder.UseSetting("REDIS_URL", redisUrl);
        }
    }
}
