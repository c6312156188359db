using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Uow;

namespace RateMyModule.Framework.Data;

/// <summary>
/// Tells the scope's unit of work which module's tables a statement changed: saved entities, and bulk statements
/// (ExecuteUpdate, ExecuteDelete, raw SQL) that affected rows. The unit of work advances those modules'
/// <see cref="DataGenerations"/> once the change has committed.
/// </summary>
public sealed class DataChangeInterceptor : DbCommandInterceptor, ISaveChangesInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Mark(eventData.Context, result);
        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await MarkAsync(eventData.Context, result);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Mark(eventData.Context, result);
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await MarkAsync(eventData.Context, result);
        return result;
    }

    private static void Mark(DbContext? context, int rows)
    {
        if (rows > 0 && context is not null && ModuleDbContextScope.Find(context) is { } scope)
        {
            scope.GetRequiredService<UnitOfWork>().MarkChanged(context.GetType());
        }
    }

    private static Task MarkAsync(DbContext? context, int rows) =>
        rows > 0 && context is not null && ModuleDbContextScope.Find(context) is { } scope
            ? scope.GetRequiredService<UnitOfWork>().MarkChangedAsync(context.GetType())
            : Task.CompletedTask;
}
