using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;

namespace RateMyModule.Reviews.Web.Pages.Admin.Moderation;

/// <summary>Verify (unverified tags only), rename and merge tags; unverified ones first.</summary>
public sealed class TagsModel(TagService tags, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    public IReadOnlyList<TagView> Tags { get; private set; } = [];

    /// <summary>The tag whose form was posted back with an error, so what was typed is shown again.</summary>
    public Guid? PostedTagId { get; private set; }

    public string? PostedName { get; private set; }

    public static string NameKey(Guid tagId) => $"name-{tagId}";

    public static string TargetKey(Guid tagId) => $"target-{tagId}";

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
        RunAsync(tagId, () => tags.VerifyAsync(tagId, kind, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRenameAsync(Guid tagId, string name, CancellationToken cancellationToken)
    {
        PostedName = name;
        return RunAsync(tagId, () => tags.RenameAsync(tagId, name, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid tagId, Guid? targetId, CancellationToken cancellationToken)
    {
        if (targetId is not { } target)
        {
            // The list starts on no tag, so that merging never goes to whichever tag happened to come first.
            PostedTagId = tagId;
            ModelState.Remove("targetId");
            ModelState.AddModelError(TargetKey(tagId), localizer["Choose the tag to merge into."]);
            return await RedisplayAsync(cancellationToken);
        }

        return await RunAsync(tagId, () => tags.MergeAsync(tagId, target, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> RunAsync(Guid tagId, Func<Task> change, CancellationToken cancellationToken)
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
            PostedTagId = tagId;
            var key = e.Field switch
            {
                "Name" => NameKey(tagId),
                "TargetId" => TargetKey(tagId),
                _ => "",
            };
            ModelState.AddModelError(key, localizer[e.Code, [.. e.Arguments]]);
            return await RedisplayAsync(cancellationToken);
        }
    }

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        var result = await OnGetAsync(cancellationToken);
        if (result is PageResult)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return result;
    }
}
