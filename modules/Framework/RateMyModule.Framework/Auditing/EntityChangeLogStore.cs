using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Auditing;

/// <summary>Where a page of the change log ended: the change time and id of its last entry.</summary>
public sealed record EntityChangeLogPageKey(DateTimeOffset ChangeTime, Guid Id);

public sealed record EntityChangeLogPage(IReadOnlyList<EntityChangeLog> Items, EntityChangeLogPageKey? NextPageKey);

/// <summary>Reads the entity-change log newest first, by key, for the admin audit log and items' history tabs.</summary>
public sealed class EntityChangeLogStore(FrameworkDbContext db)
{
    public const int MaxPageSize = 200;

    /// <param name="entityType">The entity's CLR full name, or null for every type.</param>
    /// <param name="entityId">One entity's key, or null for every entity (only with <paramref name="entityType"/>).</param>
    public async Task<EntityChangeLogPage> GetPageAsync(
        string? entityType, string? entityId, EntityChangeLogPageKey? after, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.EntityChangeLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType))
        {
            query = query.Where(l => l.EntityType == entityType);
            if (!string.IsNullOrWhiteSpace(entityId))
            {
                query = query.Where(l => l.EntityId == entityId);
            }
        }

        if (after is not null)
        {
            // Ties on time are broken by the id, compared in SQL exactly as it is ordered there.
            var afterId = after.Id;
            query = query.Where(l => l.ChangeTime < after.ChangeTime || (l.ChangeTime == after.ChangeTime && l.Id.CompareTo(afterId) < 0));
        }

        var rows = await query.OrderByDescending(l => l.ChangeTime).ThenByDescending(l => l.Id)
            .Take(pageSize + 1).ToListAsync(cancellationToken);
        var next = rows.Count > pageSize ? new EntityChangeLogPageKey(rows[pageSize - 1].ChangeTime, rows[pageSize - 1].Id) : null;
        return new EntityChangeLogPage(rows.Take(pageSize).ToList(), next);
    }

    /// <summary>The entity types that have entries, for the audit log's filter.</summary>
    public async Task<IReadOnlyList<string>> GetEntityTypesAsync(CancellationToken cancellationToken = default)
        => await db.EntityChangeLogs.AsNoTracking().Select(l => l.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
}
