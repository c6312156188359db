using System.Net;
using Microsoft.AspNetCore.Hosting;
using RateMyModule.TestBase;

namespace RateMyModule.Web.Tests.Scaling;

/// <summary>A replica whose Redis went away answers 503 rather than trust caches that may be behind.</summary>
public sealed class RedisOutageTests : IDisposable
{
    // Its own server, never the shared one: this test stops it.
    private readonly RedisTestServer _redis = new(given: null);
    private readonly OutageFactory _app;

    public RedisOutageTests() => _app = new OutageFactory(_redis.Url);

    [Fact]
    public async Task Without_its_redis_a_replica_answers_503_with_retry_after_and_is_not_ready_but_still_live()
    {
        using var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        (await client.GetAsync("/api/v1/universities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        _redis.Stop();

        var refused = await client.GetAsync("/api/v1/universities");
        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBe(5);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    public void Dispose()
    {
        _app.Dispose();
        _redis.Dispose();
    }

    private sealed class OutageFactory(string url) : WebAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("REDIS_URL", url);
        }
    }
}
