using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Web.Pages.Admin;

/// <summary>The entity-change log: who changed what and when, property by property, newest first, paged by key.</summary>
[Authorize(Policy = FrameworkPermissions.ViewAuditLog)]
public sealed class AuditLogModel(EntityChangeLogStore store) : PageModel
{
    public const int PageSize = 50;

    public string? EntityType { get; private set; }

    public string? EntityId { get; private set; }

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public EntityChangeLogPage Changes { get; private set; } = new([], null);

    public async Task OnGetAsync(string? entityType, string? entityId, long? afterTicks, Guid? afterId, CancellationToken cancellationToken)
    {
        EntityTypes = await store.GetEntityTypesAsync(cancellationToken);
        EntityType = EntityTypes.Contains(entityType) ? entityType : null;
        EntityId = EntityType is null ? null : entityId?.Trim();
        var after = afterTicks is { } ticks && afterId is { } id ? new EntityChangeLogPageKey(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
        Changes = await store.GetPageAsync(EntityType, EntityId, after, PageSize, cancellationToken);
    }

    /// <summary>The type's short name: the namespace only tells developers which module it is in.</summary>
    public static string ShortName(string entityType) => entityType[(entityType.LastIndexOf('.') + 1)..];
}
