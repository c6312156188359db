using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Sample.Application;

namespace RateMyModule.Sample.Web.Pages.Sample;

/// <summary>Everyone's view of the items, signed in or not.</summary>
public sealed class IndexModel(SampleItemAppService items) : PageModel
{
    public IReadOnlyList<SampleItemDto> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Items = await items.GetListAsync(cancellationToken);
}
