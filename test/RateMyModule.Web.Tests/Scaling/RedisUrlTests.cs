using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using RateMyModule.Framework.Distributed;
using RateMyModule.Web.Configuration;

namespace RateMyModule.Web.Tests.Scaling;

/// <summary>REDIS_URL is read like every other setting: one <c>configuration error:</c> line, never the password.</summary>
public sealed class RedisUrlTests
{
    [Theory]
    [InlineData("redis://cache:6380/2", "cache:6380", 2, null)]
    [InlineData("redis://cache", "cache:6379", 0, null)]
    [InlineData("redis://:s3cret@10.0.0.5:6379", "10.0.0.5:6379", 0, "s3cret")]
    [InlineData("redis://app:s%40cret@cache:6379/1", "cache:6379", 1, "s@cret")]
    public void A_redis_url_gives_the_server_database_and_password(string url, string endpoint, int database, string? password)
    {
        RedisUrl.TryParse(url, out var options, out var problem).ShouldBeTrue(problem);

        RedisUrl.Describe(options!).ShouldBe(endpoint);
        options!.DefaultDatabase.ShouldBe(database);
        options.Password.ShouldBe(password);
        options.Ssl.ShouldBeFalse();
    }

    [Fact]
    public void Rediss_means_tls()
    {
        RedisUrl.TryParse("rediss://cache.example.org:6380", out var options, out _).ShouldBeTrue();
        options!.Ssl.ShouldBeTrue();
    }

    [Theory]
    [InlineData("cache:6379", "REDIS_URL must look like redis://[:password@]host:port[/db] (or rediss:// for TLS).")]
    [InlineData("http://cache:6379", "REDIS_URL must look like redis://[:password@]host:port[/db] (or rediss:// for TLS).")]
    [InlineData("redis://:hunter2-password@cache:6379/sixteen", "REDIS_URL database 'sixteen' must be a number from 0 to 15.")]
    [InlineData("redis://:hunter2-password@cache:6379/16", "REDIS_URL database '16' must be a number from 0 to 15.")]
    [InlineData("redis://:hunter2-password@cache:99999", "REDIS_URL must look like redis://[:password@]host:port[/db] (or rediss:// for TLS).")]
    [InlineData("redis://cache:6379?ssl=true", "REDIS_URL must not have a query or fragment; it must look like redis://[:password@]host:port[/db].")]
    public void A_malformed_redis_url_stops_start_up_with_one_line_that_hides_the_password(string url, string problem)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["REDIS_URL"] = url }).Build();

        var error = Should.Throw<InvalidConfigurationException>(() => DeploymentSettingsReader.Read(configuration, new Development()));

        error.Problems.ShouldBe([problem]);
        error.Problems[0].ShouldNotContain("hunter2");
    }

    [Fact]
    public void Without_redis_url_nothing_is_required()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        Should.NotThrow(() => DeploymentSettingsReader.Read(configuration, new Development()));
    }

    private sealed class Development : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "RateMyModule.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
