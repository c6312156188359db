using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Users;

namespace RateMyModule.Framework.Auditing;

/// <summary>
/// Fills keys, audit fields and concurrency stamps before a save, turns deletes of soft-deletable entities into
/// updates, and after the save writes the entity-change log of opted-in types through the Framework's context
/// (in the same unit of work, so the log commits or rolls back with the change). One instance serves every scope:
/// it is part of the DbContext options that are built once per context type, so what it holds between "saving"
/// and "saved" is kept per context, and the Framework context it writes to is the saving context's scope's.
/// </summary>
public sealed class AuditingInterceptor(
    ICurrentUser currentUser,
    TimeProvider clock,
    IOptions<AuditingOptions> options) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(IHasConcurrencyStamp.ConcurrencyStamp), nameof(IModificationAudited.LastModificationTime),
        nameof(IModificationAudited.LastModifierId), nameof(IHasCreationTime.CreationTime), nameof(ICreationAudited.CreatorId),
    ];

    private readonly ConditionalWeakTable<DbContext, List<(EntityEntry Entry, EntityChangeLog Log)>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        OnSaving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        OnSaving(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await WriteLogsAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WriteLogsAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is not null)
        {
            _pending.Remove(eventData.Context);
        }
    }

    private void OnSaving(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var userId = currentUser.Id;
        var logs = new List<(EntityEntry, EntityChangeLog)>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            var changeType = Stamp(entry, now, userId);
            if (changeType is { } type && options.Value.AuditedEntityTypes.Contains(entry.Metadata.ClrType))
            {
                logs.Add((entry, Describe(entry, type, now, userId)));
            }
        }

        if (logs.Count > 0)
        {
            _pending.AddOrUpdate(context, logs);
        }
    }

    private static EntityChangeType? Stamp(EntityEntry entry, DateTimeOffset now, Guid? userId)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                if (entry.Entity is IHasCreationTime created)
                {
                    created.CreationTime = now;
                }

                if (entry.Entity is ICreationAudited creator)
                {
                    creator.CreatorId ??= userId;
                }

                return EntityChangeType.Created;
            case EntityState.Modified:
                Touch(entry, now, userId);
                return entry.Entity is ISoftDelete { IsDeleted: true } && entry.Property(nameof(ISoftDelete.IsDeleted)).IsModified
                    ? EntityChangeType.Deleted
                    : EntityChangeType.Updated;
            case EntityState.Deleted when entry.Entity is ISoftDelete softDeleted:
                entry.State = EntityState.Modified;
                softDeleted.IsDeleted = true;
                if (entry.Entity is IDeletionAudited deleted)
                {
                    deleted.DeletionTime = now;
                    deleted.DeleterId = userId;
                }

                Touch(entry, now, userId);
                return EntityChangeType.Deleted;
            case EntityState.Deleted:
                return EntityChangeType.Deleted;
            default:
                return null;
        }
    }

    private static void Touch(EntityEntry entry, DateTimeOffset now, Guid? userId)
    {
        if (entry.Entity is IModificationAudited modified)
        {
            modified.LastModificationTime = now;
            modified.LastModifierId = userId;
        }

        if (entry.Entity is IHasConcurrencyStamp stamped)
        {
            stamped.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }
    }

    private EntityChangeLog Describe(EntityEntry entry, EntityChangeType type, DateTimeOffset now, Guid? userId)
    {
        var log = new EntityChangeLog
        {
            ChangeTime = now,
            UserId = userId,
            UserName = currentUser.UserName,
            EntityType = entry.Metadata.ClrType.FullName ?? entry.Metadata.ClrType.Name,
            ChangeType = type,
        };
        foreach (var property in entry.Properties)
        {
            if (Bookkeeping.Contains(property.Metadata.Name) || property.Metadata.IsPrimaryKey())
            {
                continue;
            }

            var original = type == EntityChangeType.Created ? null : Format(property.OriginalValue);
            var current = type == EntityChangeType.Deleted && entry.State == EntityState.Deleted ? null : Format(property.CurrentValue);
            if (original != current)
            {
                log.PropertyChanges.Add(new PropertyChange
                {
                    PropertyName = property.Metadata.Name,
                    OriginalValue = original,
                    NewValue = current,
                });
            }
        }

        return log;
    }

    private async Task WriteLogsAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_pending.TryGetValue(context, out var logs))
        {
            return;
        }

        _pending.Remove(context);
        var scope = ModuleDbContextScope.Find(context)
            ?? throw new InvalidOperationException($"{context.GetType().Name} was not created by AddModuleDbContext, so its change log has no unit of work to join.");
        var framework = scope.GetRequiredService<FrameworkDbContext>();
        foreach (var (entry, log) in logs)
        {
            // Keys of added rows are only final after the save, so they are read now.
            log.EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            framework.EntityChangeLogs.Add(log);
        }

        await framework.SaveChangesAsync(cancellationToken);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
