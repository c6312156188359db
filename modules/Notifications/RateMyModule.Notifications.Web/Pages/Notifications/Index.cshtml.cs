using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Notifications.Application;

namespace RateMyModule.Notifications.Web.Pages.Notifications;

/// <summary>Everyone's view of the items, signed in or not.</summary>
public sealed class IndexModel(NotificationsItemAppService items) : PageModel
{
    public IReadOnlyList<NotificationsItemDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Items = await items.GetListAsync(cancellationToken);
}
