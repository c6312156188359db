using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace RateMyModule.Web.Security;

/// <summary>
/// The body sizes the site accepts, set on purpose rather than left to the server's defaults. The whole body matches
/// nginx's <c>client_max_body_size 10m</c>, so a request answers the same directly and behind the proxy; one form
/// value may hold a previewed catalogue file (<c>CatalogueCsv.MaxBytes</c>, 1 MB) with room for its encoding.
/// </summary>
public static class RequestBodyLimits
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const int MaxFormValueBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        services.Configure<FormOptions>(form =>
        {
            // The form reader enforces these itself, whatever the server (the test server has no body limit).
            form.MultipartBodyLengthLimit = MaxBodyBytes;
            form.ValueLengthLimit = MaxFormValueBytes;
        });
        return services;
    }
}

/// <summary>Why the body of the request was refused; the error page shows the matching message.</summary>
public sealed record RefusedRequestBody(int StatusCode);

/// <summary>
/// Reads a form body before anything else does, and refuses any body that announces a size over the limit, so that
/// a body the server cannot or will not read (cut short, malformed multipart, over a size limit) is the client's 400 or 413 with a message, logged as a
/// Warning. Left to the antiforgery check or model binding, the same body would be a 500, or a 400 that says nothing.
/// </summary>
public sealed partial class RequestBodyGuardMiddleware(RequestDelegate next, ILogger<RequestBodyGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A re-executed error page sees the same request: its body was judged already.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await RefusedAsync(context) is { } status)
        {
            // Whoever reads the body from here on (the re-executed error page, its unit of work and model binding)
            // finds it empty instead of failing again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Request.Body = Stream.Null;
            context.Features.Set(new RefusedRequestBody(status));
            context.Response.StatusCode = status;
            return;
        }

        await next(context);
    }

    private async Task<int?> RefusedAsync(HttpContext context)
    {
        var request = context.Request;
        try
        {
            if (request.HasFormContentType)
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            else if (request.ContentLength > (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? RequestBodyLimits.MaxBodyBytes))
            {
                // Any other body is read where it is used (the unit of work buffers a write's); one that says up front
                // that it is too large is refused before a byte of it is read.
                return Refuse(context, StatusCodes.Status413PayloadTooLarge, $"Content-Length {request.ContentLength} is over the limit");
            }

            return null;
        }
        catch (BadHttpRequestException bad)
        {
            // The server's own verdict: over MaxRequestBodySize (413), or a body cut short or malformed (400).
            return Refuse(context, bad.StatusCode, bad.Message);
        }
        catch (InvalidDataException invalid)
        {
            // The form reader names its limits only in the message ("Form value length limit … exceeded").
            var overLimit = invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
            return Refuse(context, overLimit ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, invalid.Message);
        }
        catch (IOException cutShort) when (!context.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
            return Refuse(context, StatusCodes.Status400BadRequest, cutShort.Message);
        }
    }

    private int Refuse(HttpContext context, int status, string reason)
    {
        LogRefused(logger, context.Request.Method, context.Request.Path, status, reason);
        return status;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Refused the body of {Method} {Path} with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, int statusCode, string reason);
}
