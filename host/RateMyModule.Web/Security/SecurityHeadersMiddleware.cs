using Microsoft.Extensions.Options;

namespace RateMyModule.Web.Security;

/// <summary>Adds the security headers to every response, including static files and error pages.</summary>
/// <remarks>
/// Added as the response starts, so an error page written after the headers were cleared has them too. The callback
/// is made once: per request it only costs registering it, which matters on static files.
/// </remarks>
public sealed class SecurityHeadersMiddleware
{
    private readonly RequestDelegate _next;
    private readonly Func<object, Task> _addHeaders;

    public SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
    {
        _next = next;
        var settings = options.Value;
        _addHeaders = state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = settings.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = settings.ReferrerPolicy;
            headers["Permissions-Policy"] = settings.PermissionsPolicy;
            return Task.CompletedTask;
        };
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(_addHeaders, context.Response);
        return _next(context);
    }
}

public static class SecurityHeadersApplicationBuilderExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.UseMiddleware<SecurityHeadersMiddleware>();
}

/// <summary>Puts <see cref="SecurityHeadersMiddleware"/> in front of the whole pipeline, the framework's own host filter included.</summary>
public sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        next(app);
    };
}
