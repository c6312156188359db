using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.Permissions;
using RateMyModule.Web.Localization;

namespace RateMyModule.Web.Pages.Admin;

/// <summary>
/// The entity-change log: who changed what and when, property by property, newest first, paged by key. Its filters
/// (record, user, days) are a GET form, so a filtered list is a link to share, and the paging link keeps them.
/// </summary>
[Authorize(Policy = FrameworkPermissions.ViewAuditLog)]
public sealed class AuditLogModel(EntityChangeLogStore store, IStringLocalizer<WebResource> l) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    /// <summary>Who made the changes: their e-mail address, as the log records it.</summary>
    [BindProperty(Name = "user", SupportsGet = true)]
    public string? ByUser { get; set; }

    /// <summary>The first day listed (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day listed (UTC), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public EntityChangeLogPage Changes { get; private set; } = new([], null);

    public async Task OnGetAsync(long? afterTicks, Guid? afterId, CancellationToken cancellationToken)
    {
        EntityTypes = await store.GetEntityTypesAsync(cancellationToken);
        EntityType = EntityTypes.Contains(EntityType) ? EntityType : null;
        EntityId = EntityType is null ? null : EntityId?.Trim();
        ByUser = string.IsNullOrWhiteSpace(ByUser) ? null : ByUser.Trim();
        if (From > To)
        {
            // Said next to the field rather than answered with a silently empty list.
            ModelState.AddModelError(nameof(To), l["The last day is before the first."]);
        }

        var after = afterTicks is { } ticks && afterId is { } id ? new EntityChangeLogPageKey(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
        var filter = new EntityChangeLogFilter(
            EntityType, EntityId, ByUser,
            From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null);
        Changes = await store.GetPageAsync(filter, after, PageSize, cancellationToken);
    }
}
