using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web.Pages.Admin.Reviews;

/// <summary>
/// Every review in the moderator's scope, with filters, sorts and keyset paging, and bulk hide / un-hide / delete.
/// A bulk action asks for confirmation on a page of its own (it works without JavaScript), then writes one audit
/// entry per review.
/// </summary>
[Authorize(Policy = ReviewsPermissions.Moderate)]
public sealed class IndexModel(
    AdminReviewQuery query, ModerationService moderation, ICatalogueLookup catalogue, ModuleLinks links, IStringLocalizer<ReviewsResource> localizer) : PageModel
{
    public static readonly IReadOnlyList<ModerationDecision> BulkDecisions = [ModerationDecision.Hide, ModerationDecision.Unhide, ModerationDecision.Delete];

    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Rating { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Hidden { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Reported { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public AdminReviewSort Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    [BindProperty]
    public List<Guid> ReviewIds { get; set; } = [];

    [BindProperty]
    public ModerationDecision? Decision { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public AdminReviewPage Reviews { get; private set; } = new([], null);

    /// <summary>Set while asking to confirm a bulk action: the chosen reviews, shown instead of the list.</summary>
    public IReadOnlyList<AdminReviewRow>? Confirming { get; private set; }

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public IReadOnlyList<ModuleDto> Modules { get; private set; } = [];

    public IReadOnlyDictionary<Guid, ModuleDto> ModulesById { get; private set; } = new Dictionary<Guid, ModuleDto>();

    /// <summary>The listed modules' friendly addresses (<see cref="ModuleLinks"/>).</summary>
    public IReadOnlyDictionary<Guid, string> ModulePaths { get; private set; } = new Dictionary<Guid, string>();

    public bool IsAdmin => User.IsInRole(AccountRoles.Admin);

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

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (ReviewIds.Count == 0)
        {
            ModelState.AddModelError(nameof(ReviewIds), localizer["Reviews:NothingSelected"]);
        }

        if (Decision is not { } decision || !BulkDecisions.Contains(decision))
        {
            ModelState.AddModelError(nameof(Decision), localizer["Choose hide, un-hide or delete."]);
        }
        else if (decision == ModerationDecision.Delete && string.IsNullOrWhiteSpace(Note))
        {
            ModelState.AddModelError(nameof(Note), localizer["Reviews:NoteRequired"]);
        }

        if (ReviewIds.Count > ModerationService.MaxBulk)
        {
            ModelState.AddModelError(nameof(ReviewIds), localizer["Reviews:TooManySelected", ModerationService.MaxBulk]);
        }

        var result = await OnGetAsync(cancellationToken);
        if (ModelState.IsValid && result is PageResult)
        {
            Confirming = await query.GetRowsAsync(ReviewIds, cancellationToken);
            ModulesById = await ModulesOfAsync(Confirming, cancellationToken);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return result;
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var count = await moderation.DecideManyAsync(ReviewIds, Decision ?? (ModerationDecision)(-1), Note, cancellationToken);
            TempData["ReviewsMessage"] = localizer[$"Bulk:{Decision}", count].Value;
            return LocalRedirect(ListUrl(After));
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            ModelState.AddModelError(e.Field ?? "", localizer[e.Code, [.. e.Arguments]]);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await OnGetAsync(cancellationToken);
        }
    }

    /// <summary>This list's URL with the current filters and sort, at the page after <paramref name="after"/>.</summary>
    public string ListUrl(string? after)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["University"] = University?.ToString(),
            ["Module"] = Module?.ToString(),
            ["Rating"] = Rating?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hidden"] = Hidden?.ToString(),
            ["Reported"] = Reported?.ToString(),
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Sort"] = Sort == AdminReviewSort.Newest ? null : Sort.ToString(),
            ["After"] = after,
        };
        return "/Admin/Reviews" + QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    /// <summary>A post handler's URL that keeps the list's filters, sort and page.</summary>
    public string HandlerUrl(string handler)
    {
        var list = ListUrl(After);
        return list + (list.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!IsAdmin)
        {
            University = Guid.TryParse(User.FindFirstValue(AccountClaimTypes.UniversityId), out var own) ? own : null;
        }
        else
        {
            Universities = [.. (await catalogue.GetUniversitiesAsync(cancellationToken)).OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        }

        if (University is { } university)
        {
            var courses = await catalogue.GetCoursesOfUniversityAsync(university, cancellationToken);
            Modules = [.. (await catalogue.GetModulesOfCoursesAsync(courses.Select(c => c.Id).ToList(), cancellationToken))
                .OrderBy(m => m.Code, StringComparer.CurrentCulture)];
        }

        Reviews = await query.GetPageAsync(
            new AdminReviewFilter(Search, University, Module, Rating, Hidden, Reported, From, To, Sort, After), PageSize, cancellationToken);
        ModulesById = await ModulesOfAsync(Reviews.Items, cancellationToken);
        ModulePaths = Reviews.Items.Count == 0 ? ModulePaths : await links.PathsAsync(Reviews.Items.Select(r => r.ModuleId).ToList(), cancellationToken);
    }

    /// <summary>One catalogue call for the page's modules, never one per row.</summary>
    private async Task<IReadOnlyDictionary<Guid, ModuleDto>> ModulesOfAsync(IReadOnlyList<AdminReviewRow> rows, CancellationToken cancellationToken) =>
        rows.Count == 0
            ? new Dictionary<Guid, ModuleDto>()
            : (await catalogue.GetModulesAsync(rows.Select(r => r.ModuleId).Distinct().ToList(), cancellationToken)).ToDictionary(m => m.Id);
}
