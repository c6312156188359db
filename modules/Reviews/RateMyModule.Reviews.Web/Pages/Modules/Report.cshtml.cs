using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web.Pages.Modules;

[Authorize]
public sealed class ReportModel(
    ReviewListQuery query, ReportService reports, ICatalogueLookup catalogue, ReviewAccess access, ModuleLinks links, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    [FromRoute]
    public Guid ModuleId { get; set; }

    [FromRoute]
    public Guid ReviewId { get; set; }

    [BindProperty]
    public ReportReason? Reason { get; set; }

    public ReviewView Review { get; private set; } = null!;

    /// <summary>The module's address, for "Back to the module".</summary>
    public string ModulePath { get; private set; } = "";

    /// <summary>False for users outside the review's university: the page says why and offers no form.</summary>
    public bool CanReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!CanReport)
        {
            ModelState.AddModelError("", localizer[Review.IsMine ? "Reviews:CannotReportOwn" : "Reviews:NotMember"]);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Report first (it takes the write lock), read for the page only if it has to be shown again.
        try
        {
            await reports.ReportAsync(ReviewId, Reason ?? (ReportReason)(-1), cancellationToken);
            TempData["ReviewsMessage"] = localizer["Thank you: moderators will look at this review."].Value;
            return LocalRedirect(await links.PathAsync(ModuleId, cancellationToken));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(e.Field ?? "", localizer[e.Code, [.. e.Arguments]]);
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            if (e.Code is "Reviews:NotMember" or "Reviews:CannotReportOwn")
            {
                Response.StatusCode = StatusCodes.Status403Forbidden;
            }

            return Page();
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
        ModulePath = await links.PathAsync(ModuleId, cancellationToken);
        CanReport = !review.IsMine && await catalogue.GetModuleAsync(ModuleId, cancellationToken) is { } module && access.BelongsTo(module.UniversityId);
        return true;
    }
}
