using Microsoft.Extensions.Options;

namespace RateMyModule.Web.Security;

/// <summary>Adds the security headers to every response, including static files and error pages.</summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var settings = options.Value;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = settings.ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = settings.ReferrerPolicy;
            headers["Permissions-Policy"] = settings.PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(context);
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
