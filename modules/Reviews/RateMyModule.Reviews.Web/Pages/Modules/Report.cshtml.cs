using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web.Pages.Modules;

[Authorize]
public sealed class ReportModel(ReviewListQuery query, ReportService reports, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    [FromRoute]
    public Guid ModuleId { get; set; }

    [FromRoute]
    public Guid ReviewId { get; set; }

    [BindProperty]
    public ReportReason? Reason { get; set; }

    public ReviewView Review { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Report first (it takes the write lock), read for the page only if it has to be shown again.
        try
        {
            await reports.ReportAsync(ReviewId, Reason ?? (ReportReason)(-1), cancellationToken);
            TempData["ReviewsMessage"] = localizer["Thank you: moderators will look at this review."].Value;
            return LocalRedirect($"/Modules/{ModuleId}");
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(e.Field ?? "", localizer[e.Code, [.. e.Arguments]]);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var review = await query.GetAsync(ReviewId, cancellationToken);
        if (review is null || review.ModuleId != ModuleId)
        {
            return false;
        }

        Review = review;
        return true;
    }
}
