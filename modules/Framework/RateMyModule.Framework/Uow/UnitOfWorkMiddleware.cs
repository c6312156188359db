using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RateMyModule.Framework.Uow;

/// <summary>
/// One transaction per request. It commits just before the response starts, so a user never sees "saved" for a
/// change that did not commit; an exception rolls it back before the error page is written. It must run after
/// routing, so it can see an endpoint's <see cref="ExpectWritesAttribute"/>.
/// </summary>
public sealed class UnitOfWorkMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        // GET, HEAD and OPTIONS only read, unless the endpoint says otherwise; anything else is expected to write.
        var method = context.Request.Method;
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
        var writesAnyway = context.GetEndpoint()?.Metadata.GetMetadata<ExpectWritesAttribute>() is not null;
        unitOfWork.Begin(expectWrites: !reads || writesAnyway);
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
}

public static class UnitOfWorkApplicationBuilderExtensions
{
    public static IApplicationBuilder UseUnitOfWork(this IApplicationBuilder app) => app.UseMiddleware<UnitOfWorkMiddleware>();
}
