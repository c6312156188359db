using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Web.Localization;

namespace RateMyModule.Web.Security;

/// <summary>
/// A request body the server could not or would not read (cut short, malformed multipart, over a size limit) is the
/// client's mistake: 400 or 413 with a message, logged as a Warning, instead of a 500 logged as an error.
/// </summary>
public sealed class BadRequestBodyHandler(ILogger<BadRequestBodyHandler> logger, IStringLocalizer<WebResource> l) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = StatusOf(httpContext, exception);
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning("Refused the body of {Method} {Path} with {Status}: {Reason}", httpContext.Request.Method, httpContext.Request.Path, status, exception.Message);
        var message = l[status == StatusCodes.Status413PayloadTooLarge ? "RequestTooLarge" : "RequestBodyUnreadable"].Value;
        httpContext.Response.Clear();
        httpContext.Response.StatusCode = status;
        if (httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await httpContext.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = status, Title = message }, options: null, contentType: "application/problem+json", cancellationToken);
        }
        else
        {
            await httpContext.Response.WriteAsync(message, cancellationToken);
        }

        return true;
    }

    private static int StatusOf(HttpContext httpContext, Exception exception)
    {
        switch (exception)
        {
            // Kestrel's body size limit (413), a malformed request, a minimal API body that does not bind (400/415).
            case BadHttpRequestException bad:
                return bad.StatusCode;

            // The form reader's own limits and parse errors. (It names no limit by type, only in its message.)
            case InvalidDataException invalid when httpContext.Request.HasFormContentType:
                return invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                    ? StatusCodes.Status413PayloadTooLarge
                    : StatusCodes.Status400BadRequest;

            // A multipart body that ends before its closing boundary.
            case IOException when httpContext.Request.HasFormContentType && !httpContext.RequestAborted.IsCancellationRequested:
                return StatusCodes.Status400BadRequest;

            default:
                return exception.InnerException is { } inner ? StatusOf(httpContext, inner) : 0;
        }
    }
}
