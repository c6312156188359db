using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RateMyModule.Framework.Uow;

/// <summary>
/// One transaction per request. It commits just before the response starts (or, for a page, as soon as its
/// handler has run: <see cref="UnitOfWorkPageFilter"/>), so a user never sees "saved" for a change that did not
/// commit; an exception rolls it back before the error page is written. It must run after routing, so it can see
/// an endpoint's <see cref="ExpectWritesAttribute"/>.
/// </summary>
public sealed class UnitOfWorkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        // GET, HEAD and OPTIONS only read, unless the endpoint says otherwise; anything else is expected to write.
        var method = context.Request.Method;
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        var writes = !reads || context.GetEndpoint()?.Metadata.GetMetadata<ExpectWritesAttribute>() is not null;
        if (writes)
        {
            // The body is read before the writer queues, so a slow upload never holds up the writers behind it.
            if (!await TryBufferBodyAsync(context))
            {
                return;
            }

            await unitOfWork.BeginWriteAsync(context.RequestAborted);
        }
        else
        {
            unitOfWork.Begin();
        }

        context.Response.OnStarting(() => unitOfWork.CompleteAsync());
        try
        {
            await next(context);
        }
        catch
        {
            await unitOfWork.RollbackAsync();
            throw;
        }

        await unitOfWork.CompleteAsync(context.RequestAborted);
    }

    private static async Task<bool> TryBufferBodyAsync(HttpContext context)
    {
        if (context.Request.ContentLength == 0 || context.Request.Body == Stream.Null)
        {
            return true;
        }

        context.Request.EnableBuffering();
        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge)
        {
            // Over the server's body limit (413) or cut short (400): answered here, as the server would.
            context.Response.StatusCode = tooLarge.StatusCode;
            return false;
        }

        context.Request.Body.Position = 0;
        return true;
    }
}

public static class UnitOfWorkApplicationBuilderExtensions
{
    public static IApplicationBuilder UseUnitOfWork(this IApplicationBuilder app) => app.UseMiddleware<UnitOfWorkMiddleware>();
}
