using Microsoft.EntityFrameworkCore;

namespace RateMyModule.Framework.Auditing;

/// <summary>Where a page of the change log ended: the change time and id of its last entry.</summary>
public sealed record EntityChangeLogPageKey(DateTimeOffset ChangeTime, Guid Id);

public sealed record EntityChangeLogPage(IReadOnlyList<EntityChangeLog> Items, EntityChangeLogPageKey? NextPageKey);

/// <summary>What the change log is narrowed to; a null member does not narrow.</summary>
/// <param name="EntityType">The entity's CLR full name.</param>
/// <param name="EntityId">One entity's key (only with <paramref name="EntityType"/>).</param>
/// <param name="UserName">Who made the changes, as recorded (their e-mail address), compared whole.</param>
/// <param name="From">The first moment listed, inclusive.</param>
/// <param name="Until">The moment the list ends, exclusive.</param>
public sealed record EntityChangeLogFilter(
    string? EntityType = null, string? EntityId = null, string? UserName = null, DateTimeOffset? From = null, DateTimeOffset? Until = null);

/// <summary>Reads the entity-change log newest first, by key, for the admin audit log and items' history tabs.</summary>
public sealed class EntityChangeLogStore(FrameworkDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<EntityChangeLogPage> GetPageAsync(
        EntityChangeLogFilter filter, EntityChangeLogPageKey? after, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var query = db.EntityChangeLogs.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(l => l.EntityType == filter.EntityType);
            if (!string.IsNullOrWhiteSpace(filter.EntityId))
            {
                query = query.Where(l => l.EntityId == filter.EntityId);
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(l => l.UserName == filter.UserName);
        }

        if (filter.From is { } from)
        {
            query = query.Where(l => l.ChangeTime >= from);
        }

        if (filter.Until is { } until)
        {
            query = query.Where(l => l.ChangeTime < until);
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
