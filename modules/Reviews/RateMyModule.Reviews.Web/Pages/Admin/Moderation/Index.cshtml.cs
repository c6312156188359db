using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Web.Pages.Admin.Moderation;

/// <summary>The queue of reported reviews. Not found for anyone who moderates nothing, so it does not reveal itself.</summary>
public sealed class IndexModel(ModerationService moderation, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    public IReadOnlyList<ModerationQueueItem> Queue { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Queue = await moderation.GetQueueAsync(cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid reviewId, ModerationDecision decision, string? note, CancellationToken cancellationToken)
    {
        try
        {
            await moderation.DecideAsync(reviewId, decision, note, cancellationToken);
            TempData["ReviewsMessage"] = localizer["Decision saved."].Value;
            return RedirectToPage();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError("", localizer[e.Code, [.. e.Arguments]]);
            return await OnGetAsync(cancellationToken);
        }
    }
}
