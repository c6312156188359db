using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Permissions;

namespace RateMyModule.Web.Pages.Admin;

/// <summary>The durable job queue as an admin sees it: counts per state and the jobs, newest first, paged by key.</summary>
[Authorize(Policy = FrameworkPermissions.ViewBackgroundJobs)]
public sealed class JobsModel(IBackgroundJobStore jobs) : PageModel
{
    public const int PageSize = 50;

    public BackgroundJobState? State { get; private set; }

    public IReadOnlyDictionary<BackgroundJobState, int> Counts { get; private set; } = new Dictionary<BackgroundJobState, int>();

    public BackgroundJobPage Jobs { get; private set; } = new([], null);

    public async Task OnGetAsync(BackgroundJobState? state, long? afterTicks, Guid? afterId, CancellationToken cancellationToken)
    {
        State = state is { } s && Enum.IsDefined(s) ? s : null;
        var after = afterTicks is { } ticks && afterId is { } id ? new BackgroundJobPageKey(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
        Counts = await jobs.CountByStateAsync(cancellationToken);
        Jobs = await jobs.GetPageAsync(State, after, PageSize, cancellationToken);
    }
}
