using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web.Pages.Admin.Moderation;

/// <summary>Verify, rename and merge tags; unverified ones first.</summary>
public sealed class TagsModel(TagService tags, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    public IReadOnlyList<TagView> Tags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Tags = await tags.GetAllAsync(cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public Task<IActionResult> OnPostVerifyAsync(Guid tagId, TagKind kind, CancellationToken cancellationToken) =>
        RunAsync(() => tags.VerifyAsync(tagId, kind, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid tagId, string name, CancellationToken cancellationToken) =>
        RunAsync(() => tags.RenameAsync(tagId, name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMergeAsync(Guid tagId, Guid targetId, CancellationToken cancellationToken) =>
        RunAsync(() => tags.MergeAsync(tagId, targetId, cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            TempData["ReviewsMessage"] = localizer["Tag saved."].Value;
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
