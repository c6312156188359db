using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web.Pages.Modules;

/// <summary>Write or edit one's review of a module; every rule's message lands on its field and keeps what was typed.</summary>
[Authorize]
public sealed class ReviewModel(ReviewService reviews, TagService tags, ModuleLinks links, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    /// <summary>The module page shows this TempData message once, after the redirect.</summary>
    public const string MessageKey = "ReviewsMessage";

    [FromRoute]
    public Guid ModuleId { get; set; }

    [BindProperty]
    public ReviewForm Input { get; set; } = new();

    public ReviewFormContext Form { get; private set; } = null!;

    public IReadOnlyList<TagView> Suggestions { get; private set; } = [];

    public string SuggestionPrefix { get; private set; } = "";

    /// <summary>The user may not review this module (not on one of its courses, or it is archived): the page says why.</summary>
    public bool IsRefused { get; private set; }

    /// <summary>The module's address, for "Back to the module".</summary>
    public string ModulePath { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Form.OwnReview is { } own)
        {
            Input = new ReviewForm
            {
                ReviewId = Form.OwnReviewId,
                Overall = own.Overall,
                Difficulty = own.Difficulty,
                Assessment = own.Assessment,
                Teaching = own.Teaching,
                Text = own.Text,
                AcademicYear = own.AcademicYear,
                Tags = string.Join(", ", own.TagNames),
            };
        }
        else if (!Form.CanReview)
        {
            IsRefused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A kind that did not bind ("Bogus") must be refused, not silently become the default.
        if (ModelState.GetFieldValidationState($"{nameof(Input)}.{nameof(Input.NewTagKind)}") == ModelValidationState.Invalid)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(Input.NewTagKind)}");
            Input.NewTagKind = (TagKind)(-1);
        }

        // The write goes first: it takes the database's write lock before this request reads anything, so
        // simultaneous submissions queue and the later ones see the review the first one wrote.
        var input = Input.ToInput();
        try
        {
            var id = Input.ReviewId;
            if (id is { } existing)
            {
                await reviews.UpdateAsync(existing, input, cancellationToken);
                TempData[MessageKey] = localizer["Your changes are saved."].Value;
            }
            else
            {
                id = await reviews.CreateAsync(ModuleId, input, cancellationToken);
                TempData[MessageKey] = localizer["Your review is published. Thank you!"].Value;
            }

            return LocalRedirect($"{await links.PathAsync(ModuleId, cancellationToken)}#review-{id}");
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            if (!await LoadAsync(cancellationToken))
            {
                return NotFound();
            }

            // The service stops at the first broken rule; the form shows every field's problem at once.
            var errors = ReviewInputValidator.Validate(input, Form.FirstYear, Form.LastYear);
            foreach (var error in errors)
            {
                ModelState.AddModelError($"{nameof(Input)}.{error.Field}", localizer[error.Code, error.Arguments]);
            }

            if (errors.All(error => error.Code != e.Code))
            {
                ModelState.AddModelError(e.Field is null ? "" : $"{nameof(Input)}.{e.Field}", localizer[e.Code, [.. e.Arguments]]);
            }

            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        try
        {
            await reviews.DeleteAsync(reviewId, cancellationToken);
            TempData[MessageKey] = localizer["Your review is deleted."].Value;
            return LocalRedirect(await links.PathAsync(ModuleId, cancellationToken));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>The tag autocomplete: verified tags completing the last name typed, as datalist options.</summary>
    public async Task<IActionResult> OnGetTagsAsync([FromQuery(Name = "Input.Tags")] string? typed, CancellationToken cancellationToken)
    {
        var text = typed ?? "";
        var cut = text.LastIndexOf(',');
        var term = text[(cut + 1)..].Trim();
        SuggestionPrefix = cut < 0 ? "" : text[..(cut + 1)].TrimEnd() + " ";
        Suggestions = term.Length == 0 ? [] : await tags.SuggestAsync(term, cancellationToken: cancellationToken);
        return Partial("_TagSuggestions", this);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Form = await reviews.GetFormContextAsync(ModuleId, cancellationToken);
            ModulePath = await links.PathAsync(ModuleId, cancellationToken);
            return true;
        }
        catch (EntityNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>The review form as posted: strings and nullable numbers, so bad input comes back as typed.</summary>
public sealed class ReviewForm
{
    /// <summary>Set when editing; a form without it creates, so a second "new review" is refused, not merged.</summary>
    public Guid? ReviewId { get; set; }

    public int? Overall { get; set; }

    public int? Difficulty { get; set; }

    public int? Assessment { get; set; }

    public int? Teaching { get; set; }

    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }

    public int? AcademicYear { get; set; }

    public string? Tags { get; set; }

    public TagKind NewTagKind { get; set; } = TagKind.Other;

    public ReviewInput ToInput() =>
        new(Overall, Difficulty, Assessment, Teaching, Text, AcademicYear, ReviewInput.SplitTags(Tags), NewTagKind);
}
