using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Http;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Reviews.Web.Pages.Modules;

/// <summary>
/// The module page: header figures, rating distributions, the trend and the filtered review list. Filters are GET
/// parameters, so every view is a shareable URL; htmx asks for the list or the trend alone (HX-Target). It lives at
/// /Universities/{university}/Modules/{code}; its old address /Modules/{id}
/// answers with a redirect (<see cref="ByIdModel"/>).
/// </summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
public sealed class IndexModel(
    ICatalogueLookup catalogue,
    ModuleStatsQuery statsQuery,
    ReviewListQuery listQuery,
    TagService tags,
    ReviewService reviews,
    ReviewAccess access,
    IStringLocalizer<ReviewsResource> localizer,
    IOptions<ReviewsOptions> options,
    FragmentVersions fragments) : PageModel
{
    public const string ListTarget = "reviews";
    public const string TrendTarget = "trend";

    /// <summary>The form that carries the antiforgery token for every vote button on the page (their <c>form</c> attribute).</summary>
    public const string VoteFormId = "review-votes";

    /// <summary>"More reviews" with htmx appends the next page's items to this list instead of replacing the list.</summary>
    public const string ListItemsTarget = "review-items";

    /// <summary>The module found at this address.</summary>
    public Guid ModuleId { get; private set; }

    [FromRoute(Name = "university")]
    public string? UniversitySlug { get; set; }

    [FromRoute(Name = "code")]
    public string? CodeSegment { get; set; }

    /// <summary>The module's address, without a query: what links, forms and the canonical link use.</summary>
    public string PagePath { get; private set; } = "";

    [FromQuery(Name = "q")]
    public string? Text { get; set; }

    [FromQuery(Name = "rating")]
    public int? Rating { get; set; }

    [FromQuery(Name = "year")]
    public int? Year { get; set; }

    [FromQuery(Name = "tag")]
    public List<Guid> TagIds { get; set; } = [];

    [FromQuery(Name = "sort")]
    public ReviewSort Sort { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "trend")]
    public List<RatingDimension> TrendDimensions { get; set; } = [];

    [FromQuery(Name = "from")]
    public int? From { get; set; }

    [FromQuery(Name = "to")]
    public int? To { get; set; }

    public ModuleDto Module { get; private set; } = null!;

    public UniversityDto? University { get; private set; }

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public ModuleStatsView Stats { get; private set; } = null!;

    public ReviewPage Results { get; private set; } = new([], null);

    public IReadOnlyList<TagView> FilterTags { get; private set; } = [];

    public ReviewFormContext Form { get; private set; } = null!;

    /// <summary>Voting and reporting are for members and staff of the module's university; others only read.</summary>
    public bool CanAct => access.BelongsTo(Module.UniversityId);

    /// <summary>A signed-in reader who may act here can vote on others' reviews.</summary>
    public bool CanVote => User.Identity?.IsAuthenticated == true && CanAct;

    /// <summary>The next page is being appended under the first: no "first page" link, as the first page is on screen.</summary>
    public bool IsAppending { get; private set; }

    /// <summary>Set when "From" is a later year than "To"; the trend then shows every year.</summary>
    public string? TrendRangeError { get; private set; }

    /// <summary>
    /// The stamp of the Reviews data this page was read under, which its cached fragments (charts, reviews) are
    /// filed by; null when they must be rendered afresh.
    /// </summary>
    public string? FragmentVersion { get; private set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Text) || Rating is not null || Year is not null || TagIds.Count > 0;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await ResolveAsync(cancellationToken))
        {
            return NotFound();
        }

        if (UniversitySlug != CataloguePaths.Slug(University!.ShortName) || CataloguePaths.CodeFromRoute(CodeSegment!) != Module.Code)
        {
            // One address per module, whatever the spelling typed ("AbEr/cs10431").
            return RedirectPermanent(PagePath + Request.QueryString);
        }

        return await RenderAsync(cancellationToken);
    }

    private async Task<IActionResult> RenderAsync(CancellationToken cancellationToken)
    {
        // Before anything of the module's reviews is read: see FragmentVersions.
        FragmentVersion = fragments.Of<ReviewsDbContext>();
        var module = Module;
        if (TrendDimensions.Count == 0)
        {
            TrendDimensions = [RatingDimension.Overall];
        }

        TrendDimensions = TrendDimensions.Distinct().Where(Enum.IsDefined).ToList();
        var target = Request.HtmxTarget();
        IsAppending = target == ListItemsTarget;
        var isListOnly = target is ListTarget or ListItemsTarget;
        if (From > To)
        {
            TrendRangeError = localizer["“From” must be the same year as “To” or an earlier one."].Value;

            // The whole page answers 400 with the message by the field; an htmx swap of the trend needs a 200 to be shown.
            if (target != TrendTarget)
            {
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        if (!isListOnly)
        {
            Stats = await statsQuery.GetAsync(ModuleId, TrendDimensions, TrendRangeError is null ? From : null, TrendRangeError is null ? To : null, cancellationToken);
        }

        if (target == TrendTarget)
        {
            return Partial("_Trend", this);
        }

        Results = await listQuery.GetPageAsync(ModuleId, module.UniversityId, Filter(), options.Value.PageSize, cancellationToken);
        if (isListOnly)
        {
            return Partial("_ReviewList", this);
        }

        Courses = await catalogue.GetCoursesAsync(module.CourseIds, cancellationToken);
        FilterTags = await tags.GetModuleTagsAsync(ModuleId, cancellationToken);
        Form = await reviews.GetFormContextAsync(ModuleId, cancellationToken);
        return Page();
    }

    /// <summary>Works as a plain form post (redirects back) and as an htmx post (returns the new vote box).</summary>
    /// <remarks>The vote service comes with the post alone: every view of the page would otherwise build it for nothing.</remarks>
    public async Task<IActionResult> OnPostVoteAsync(Guid reviewId, string? vote, string? returnUrl, [FromServices] VoteService votes, CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }

        if (!await ResolveAsync(cancellationToken))
        {
            return NotFound();
        }

        VoteKind? kind = vote switch
        {
            "helpful" => VoteKind.Helpful,
            "not-helpful" => VoteKind.NotHelpful,
            _ => null,
        };
        VoteResult result;
        try
        {
            result = await votes.VoteAsync(reviewId, kind, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }
        catch (BusinessException e)
        {
            return await RefuseAsync(localizer[e.Code, [.. e.Arguments]], cancellationToken);
        }

        if (Request.IsHtmx())
        {
            return Partial("_VoteBox", new VoteBoxModel(ModuleId, PagePath, reviewId, result.HelpfulCount, result.NotHelpfulCount, result.Score, result.MyVote, true, returnUrl));
        }

        return LocalRedirect(returnUrl is not null && Url.IsLocalUrl(returnUrl)
            ? LocalRedirects.ForLocationHeader(returnUrl)
            : LocalRedirects.ForLocationHeader($"{PagePath}#review-{reviewId}"));
    }

    /// <summary>Finds the module by its address: the university's slug and the module's code.</summary>
    private async Task<bool> ResolveAsync(CancellationToken cancellationToken)
    {
        var university = UniversitySlug is null ? null : await catalogue.FindUniversityBySlugAsync(UniversitySlug, cancellationToken);
        var module = university is null || CodeSegment is null
            ? null
            : await catalogue.FindModuleByCodeAsync(university.Id, CataloguePaths.CodeFromRoute(CodeSegment), cancellationToken);
        if (module is null || university is null)
        {
            return false;
        }

        Module = module;
        University = university;
        ModuleId = module.Id;
        PagePath = CataloguePaths.Module(university, module);
        return true;
    }

    /// <summary>A refused vote answers 403 with the reason: the page again with the message at the top (htmx: the message alone).</summary>
    private async Task<IActionResult> RefuseAsync(string message, CancellationToken cancellationToken)
    {
        if (Request.IsHtmx())
        {
            return new ContentResult
            {
                StatusCode = StatusCodes.Status403Forbidden,
                ContentType = "text/plain; charset=utf-8",
                Content = message,
            };
        }

        ModelState.AddModelError("", message);
        var page = await RenderAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    public ReviewFilter Filter() => new(Text, Rating, Year, TagIds, Sort, After);

    /// <summary>The current query with some values replaced (null removes), for links that keep the other choices.</summary>
    public string UrlWith(IDictionary<string, object?> changes)
    {
        var values = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value)
        {
            if (changes.TryGetValue(key, out var changed))
            {
                value = changed;
            }

            switch (value)
            {
                case null:
                    return;
                case System.Collections.IEnumerable list and not string:
                    values.AddRange(list.Cast<object>().Select(v => new KeyValuePair<string, string?>(key, v.ToString())));
                    return;
                default:
                    values.Add(new(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
                    return;
            }
        }

        Add("q", string.IsNullOrWhiteSpace(Text) ? null : Text);
        Add("rating", Rating);
        Add("year", Year);
        Add("tag", TagIds);
        Add("sort", Sort == ReviewSort.Newest ? null : Sort);
        Add("after", After);
        Add("trend", TrendDimensions.SequenceEqual([RatingDimension.Overall]) ? null : TrendDimensions);
        Add("from", From);
        Add("to", To);
        return PagePath + Microsoft.AspNetCore.Http.QueryString.Create(values);
    }
}

/// <param name="PagePath">The module page's address, where the vote is posted.</param>
public sealed record VoteBoxModel(Guid ModuleId, string PagePath, Guid ReviewId, int Helpful, int NotHelpful, int Score, VoteKind? MyVote, bool CanVote, string? ReturnUrl);
