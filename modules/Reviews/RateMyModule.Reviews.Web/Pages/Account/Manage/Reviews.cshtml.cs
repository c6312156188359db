using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Http;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web.Pages.Account.Manage;

/// <summary>
/// "My reviews", among the account pages: the user's reviews with where each stands with moderators, and the
/// modules of their courses still to review. Lives in the Reviews module, which owns the data; the Accounts module
/// links to it through the account menu.
/// </summary>
[Authorize]
public sealed class ReviewsModel(MyReviewsQuery query, ReviewService reviews, ICurrentUser currentUser, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    public const int PageSize = 20;

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public MyReviewPage Reviews { get; private set; } = new([], null);

    public IReadOnlyList<ModuleDto> ToReview { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId)
        {
            return Challenge();
        }

        Reviews = await query.GetPageAsync(userId, After, PageSize, cancellationToken);
        ToReview = await query.GetModulesToReviewAsync(userId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid reviewId, string? moduleName, CancellationToken cancellationToken)
    {
        try
        {
            await reviews.DeleteAsync(reviewId, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            // Not theirs, or already gone (a second click): nothing of theirs to delete.
            return NotFound();
        }

        TempData.SetStatusMessage(string.IsNullOrWhiteSpace(moduleName)
            ? localizer["Your review is deleted."].Value
            : localizer["Your review of {0} is deleted.", moduleName].Value);
        return RedirectToPage();
    }
}
