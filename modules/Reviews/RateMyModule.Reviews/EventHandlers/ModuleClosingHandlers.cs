using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.EventHandlers;

/// <summary>An archived module keeps its reviews but takes no new ones.</summary>
public sealed class ReviewsModuleArchivedHandler(ReviewsDbContext db, ReviewsWriteGate gate, TimeProvider clock)
    : ILocalEventHandler<ModuleArchivedEvent>
{
    public async Task HandleEventAsync(ModuleArchivedEvent eventData, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        if (!await db.ClosedModules.AnyAsync(c => c.ModuleId == eventData.ModuleId, cancellationToken))
        {
            db.ClosedModules.Add(new ClosedModule { ModuleId = eventData.ModuleId, ClosedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}

public sealed class ReviewsModuleRestoredHandler(ReviewsDbContext db, ReviewsWriteGate gate) : ILocalEventHandler<ModuleRestoredEvent>
{
    public async Task HandleEventAsync(ModuleRestoredEvent eventData, CancellationToken cancellationToken)
    {
        await gate.EnterAsync(cancellationToken);
        await db.ClosedModules.Where(c => c.ModuleId == eventData.ModuleId).ExecuteDeleteAsync(cancellationToken);
    }
}
