using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RateMyModule.Framework.Data;

namespace RateMyModule.Framework.Distributed;

/// <summary>
/// With several replicas: reads the shared data generations once per request, before authorization, the output
/// cache or a page can use anything cached, so what another replica committed and acknowledged is never served
/// stale here. While Redis cannot be reached the request is answered 503 rather than from counters that may be
/// behind (the database alone cannot say what other replicas hold in memory).
/// </summary>
public sealed partial class DataGenerationsRefreshMiddleware(RequestDelegate next, DataGenerations generations, ILogger<DataGenerationsRefreshMiddleware> logger)
{
    private static readonly object Refreshed = new();

    public async Task InvokeAsync(HttpContext context)
    {
        // An error page re-executed for this request has what it needs already (and must render even when Redis is away).
        if (context.Items.TryAdd(Refreshed, true))
        {
            try
            {
                await generations.RefreshAsync();
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogUnavailable(logger, e);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return;
            }
        }

        await next(context);
    }

    private const int RetryAfterSeconds = 5;

    [LoggerMessage(Level = LogLevel.Error, Message = "Redis cannot be reached; answering 503 until it can")]
    private static partial void LogUnavailable(ILogger logger, Exception error);
}

public static class DataGenerationsRefreshApplicationBuilderExtensions
{
    /// <summary>Adds <see cref="DataGenerationsRefreshMiddleware"/> when the generations are shared; nothing otherwise.</summary>
    public static IApplicationBuilder UseSharedDataGenerations(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<DataGenerations>().IsShared
            ? app.UseMiddleware<DataGenerationsRefreshMiddleware>()
            : app;
}
