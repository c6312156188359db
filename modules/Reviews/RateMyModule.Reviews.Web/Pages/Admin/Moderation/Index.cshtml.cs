using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web.Pages.Admin.Moderation;

/// <summary>
/// The queue of reported reviews and the reviews a moderator hid. Hide and Delete ask for confirmation on the page
/// itself (no JavaScript needed); no decision is chosen until the moderator chooses one. Not found for anyone who
/// moderates nothing, so it does not reveal itself.
/// </summary>
public sealed class IndexModel(
    ModerationService moderation,
    AdminReviewQuery reviews,
    ICatalogueLookup catalogue,
    ModuleLinks links,
    IOptions<ReviewsOptions> options,
    IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    /// <summary>How many hidden reviews the page lists; the rest are on /Admin/Reviews?Hidden=true.</summary>
    public const int HiddenShown = 10;

    /// <summary>Distinct reporters that hide a review until a moderator decides (configuration Reviews:HideThreshold).</summary>
    public int HideThreshold => options.Value.HideThreshold;

    /// <summary>The Admin's filter (a shareable GET value); other moderators see their own university only.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    public bool IsAdmin => User.IsInRole(AccountRoles.Admin);

    public IReadOnlyList<ModerationQueueItem> Queue { get; private set; } = [];

    /// <summary>Reviews hidden by a moderator with no report waiting, newest first, to un-hide.</summary>
    public AdminReviewPage Hidden { get; private set; } = new([], null);

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public IReadOnlyDictionary<Guid, UniversityDto> UniversitiesById { get; private set; } = new Dictionary<Guid, UniversityDto>();

    public IReadOnlyDictionary<Guid, ModuleDto> Modules { get; private set; } = new Dictionary<Guid, ModuleDto>();

    public IReadOnlyDictionary<Guid, string> ModulePaths { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>The review whose form was posted back with an error, so its note and choice are shown again.</summary>
    public Guid? PostedReviewId { get; private set; }

    public ModerationDecision? PostedDecision { get; private set; }

    public string? PostedNote { get; private set; }

    /// <summary>Set while asking to confirm a hide or delete: the review, shown instead of the queue.</summary>
    public ModerationQueueItem? Confirming { get; private set; }

    /// <summary>The choices for a queued review: a hidden one is un-hidden rather than "dismissed".</summary>
    public static IReadOnlyList<ModerationDecision> DecisionsFor(ModerationQueueItem item) =>
        item.IsHidden
            ? [ModerationDecision.Unhide, ModerationDecision.Hide, ModerationDecision.Delete]
            : [ModerationDecision.Dismiss, ModerationDecision.Hide, ModerationDecision.Delete];

    public static string DecisionKey(Guid reviewId) => $"decision-{reviewId}";

    public static string NoteKey(Guid reviewId) => $"note-{reviewId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid reviewId, ModerationDecision? decision, string? note, bool confirmed, CancellationToken cancellationToken)
    {
        PostedReviewId = reviewId;
        PostedDecision = decision is { } chosen && Enum.IsDefined(chosen) ? chosen : null;
        PostedNote = note;

        // An unknown value fails binding with the framework's English text; the field's own message replaces it.
        ModelState.Remove("decision");
        if (PostedDecision is null)
        {
            ModelState.AddModelError(DecisionKey(reviewId), localizer["Choose what to do with this review."]);
            return await RedisplayAsync(cancellationToken);
        }

        if (PostedDecision is ModerationDecision.Hide or ModerationDecision.Delete && !confirmed)
        {
            var result = await OnGetAsync(cancellationToken);
            Confirming = Queue.FirstOrDefault(q => q.ReviewId == reviewId);
            if (result is PageResult && Confirming is null)
            {
                // Decided by someone else meanwhile, or not in this moderator's queue.
                TempData["ReviewsMessage"] = localizer["This review is no longer waiting for a decision."].Value;
                return LocalRedirect(QueueUrl());
            }

            return result;
        }

        try
        {
            await moderation.DecideAsync(reviewId, PostedDecision.Value, note, cancellationToken);
            TempData["ReviewsMessage"] = localizer[$"Decided:{PostedDecision}"].Value;
            return LocalRedirect(QueueUrl());
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            var key = e.Field switch
            {
                "Note" => NoteKey(reviewId),
                "Decision" => DecisionKey(reviewId),
                _ => "",
            };
            ModelState.AddModelError(key, localizer[e.Code, [.. e.Arguments]]);
            return await RedisplayAsync(cancellationToken);
        }
    }

    /// <summary>The queue's address with the Admin's university filter.</summary>
    public string QueueUrl() =>
        "/Admin/Moderation" + (IsAdmin && University is { } university ? QueryString.Create("University", university.ToString()) : "");

    /// <summary>The reviews list showing every hidden review of the current filter.</summary>
    public string AllHiddenUrl() =>
        "/Admin/Reviews" + QueryString.Create(new Dictionary<string, string?>
        {
            ["University"] = IsAdmin ? University?.ToString() : null,
            ["Hidden"] = "true",
            ["Reported"] = "false",
        }.Where(v => v.Value is not null));

    public string ModuleLabel(Guid moduleId) => Modules.TryGetValue(moduleId, out var module) ? $"{module.Code} {module.Name}" : "";

    public string UniversityName(Guid universityId) => UniversitiesById.TryGetValue(universityId, out var university) ? university.Name : "";

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        var result = await OnGetAsync(cancellationToken);
        if (result is PageResult)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return result;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            University = null;
        }

        Queue = await moderation.GetQueueAsync(University, cancellationToken);
        Hidden = await reviews.GetPageAsync(new AdminReviewFilter(UniversityId: University, Hidden: true, Reported: false), HiddenShown, cancellationToken);

        var universities = await catalogue.GetUniversitiesAsync(cancellationToken);
        UniversitiesById = universities.ToDictionary(u => u.Id);
        if (IsAdmin)
        {
            Universities = [.. universities.OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        }

        // One call to the catalogue for the page's modules, never one per review.
        var moduleIds = Queue.Select(q => q.ModuleId).Concat(Hidden.Items.Select(h => h.ModuleId)).Distinct().ToList();
        if (moduleIds.Count > 0)
        {
            Modules = (await catalogue.GetModulesAsync(moduleIds, cancellationToken)).ToDictionary(m => m.Id);
            ModulePaths = await links.PathsAsync(moduleIds, cancellationToken);
        }
    }
}
