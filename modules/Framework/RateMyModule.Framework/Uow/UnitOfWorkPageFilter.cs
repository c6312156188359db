using Microsoft.AspNetCore.Mvc.Filters;

namespace RateMyModule.Framework.Uow;

/// <summary>
/// Commits a page's unit of work as soon as its handler has run, before the page renders: a writer's turn
/// (<see cref="DatabaseWriteQueue"/>) then lasts only as long as deciding and writing, not as long as rendering.
/// What the page reads while rendering is read after the commit, so it shows the change.
/// </summary>
public sealed class UnitOfWorkPageFilter(UnitOfWork unitOfWork) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            await unitOfWork.CompleteAsync(context.HttpContext.RequestAborted);
        }
    }
}
