using Microsoft.EntityFrameworkCore;
using RateMyModule.Courses.Domain;
using RateMyModule.Framework;

namespace RateMyModule.Courses.Application;

/// <summary>Reads the entity-change log the auditing interceptor writes for the catalogue's opted-in types.</summary>
public sealed class CatalogueHistory(FrameworkDbContext framework)
{
    public const int MaxEntries = 200;

    public async Task<IReadOnlyList<ChangeHistoryEntry>> GetAsync<TEntity>(Guid id, CancellationToken cancellationToken)
    {
        var type = typeof(TEntity).FullName!;
        var key = id.ToString("D");
        // A module's course links are logged as ModuleCourse rows keyed "moduleId,courseId"; they are its history too.
        var links = typeof(TEntity) == typeof(Module) ? typeof(ModuleCourse).FullName! : null;
        var prefix = key + ",";
        var logs = await framework.EntityChangeLogs.AsNoTracking()
            .Where(l => (l.EntityType == type && l.EntityId == key) || (l.EntityType == links && l.EntityId.StartsWith(prefix)))
            .OrderByDescending(l => l.ChangeTime).ThenByDescending(l => l.Id)
            .Take(MaxEntries)
            .ToListAsync(cancellationToken);
        return logs
            .Select(l => new ChangeHistoryEntry(l.ChangeTime, l.UserName, l.EntityType[(l.EntityType.LastIndexOf('.') + 1)..], l.ChangeType, l.PropertyChanges))
            .ToList();
    }
}
