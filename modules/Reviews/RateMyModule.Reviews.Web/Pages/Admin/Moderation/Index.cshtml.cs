using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Web.Pages.Admin.Moderation;

/// <summary>The queue of reported reviews. Not found for anyone who moderates nothing, so it does not reveal itself.</summary>
public sealed class IndexModel(ModerationService moderation, IOptions<ReviewsOptions> options, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    /// <summary>Dismiss also shows a hidden review again, so the queue needs no separate un-hide.</summary>
    public static readonly IReadOnlyList<ModerationDecision> QueueDecisions = [ModerationDecision.Dismiss, ModerationDecision.Hide, ModerationDecision.Delete];

    /// <summary>Distinct reporters that hide a review until a moderator decides (configuration Reviews:HideThreshold).</summary>
    public int HideThreshold => options.Value.HideThreshold;

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
