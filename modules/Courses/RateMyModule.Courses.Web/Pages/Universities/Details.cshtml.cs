using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using RateMyModule.Courses.Application;
using RateMyModule.Reviews;

namespace RateMyModule.Courses.Web.Pages.Universities;

/// <summary>A module with its review figures, as a row of a university's lists.</summary>
public sealed record ModuleRow(ModuleDto Module, ModuleFigures Figures);

/// <param name="Rows">The first rows of the course, in the page's order.</param>
/// <param name="Unranked">Modules the ranking cannot place yet (too few ratings), by name.</param>
/// <param name="HasMore">More rows than shown: the course's own view pages through them.</param>
public sealed record CourseGroup(CourseDto Course, IReadOnlyList<ModuleRow> Rows, IReadOnlyList<ModuleDto> Unranked, bool HasMore);

/// <summary>
/// A university's page at /Universities/{short name}: its modules grouped by course, by name or ranked (most
/// reviewed, top rated, hardest, easiest, best teaching). Every view is a GET URL; one course's view pages by key.
/// The rankings come from the Reviews module's aggregate rows (<see cref="IModuleRankings"/>), so a page costs the
/// same however many reviews there are. The old address /Universities/{id} redirects here (<see cref="ByIdModel"/>).
/// </summary>
[OutputCache(PolicyName = UniversityChoiceCachePolicy.Name)]
public sealed class DetailsModel(CatalogueBrowser browser, ICatalogueLookup catalogue, IModuleRankings rankings) : PageModel
{
    /// <summary>Rows per course when every course is shown.</summary>
    public const int GroupSize = 10;

    /// <summary>Rows per page in one course's view.</summary>
    public const int PageSize = 20;

    /// <summary>The sorts as they appear in URLs; "name" is the default and is left out of links.</summary>
    public static readonly IReadOnlyList<(string Key, ModuleRanking? Ranking)> Sorts =
    [
        ("name", null),
        ("most-reviewed", ModuleRanking.MostReviewed),
        ("top-rated", ModuleRanking.TopRated),
        ("hardest", ModuleRanking.Hardest),
        ("easiest", ModuleRanking.Easiest),
        ("best-teaching", ModuleRanking.BestTeaching),
    ];

    [FromRoute(Name = "university")]
    public string? Slug { get; set; }

    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "course")]
    public Guid? CourseId { get; set; }

    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public UniversityDto University { get; private set; } = null!;

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public string SortKey { get; private set; } = "name";

    public ModuleRanking? Ranking { get; private set; }

    /// <summary>Every course, each with its first rows (no course chosen).</summary>
    public IReadOnlyList<CourseGroup> Groups { get; private set; } = [];

    /// <summary>The chosen course, with one page of its rows.</summary>
    public CourseDto? Course { get; private set; }

    public IReadOnlyList<ModuleRow> Rows { get; private set; } = [];

    public IReadOnlyList<ModuleDto> Unranked { get; private set; } = [];

    public string? NextCursor { get; private set; }

    public bool IsOwnUniversity { get; private set; }

    public string PagePath => CataloguePaths.University(University);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = Slug is null ? null : await catalogue.FindUniversityBySlugAsync(Slug, cancellationToken);
        var data = found is null || found.IsArchived ? null : await browser.GetUniversityCatalogueAsync(found.Id, cancellationToken);
        if (data is null)
        {
            return NotFound();
        }

        University = data.University;
        if (Slug != CataloguePaths.Slug(University.ShortName))
        {
            // Another spelling of the short name ("UoB"): one address per university.
            return RedirectPermanent(PagePath + Request.QueryString);
        }

        (SortKey, Ranking) = Sorts.FirstOrDefault(s => s.Key == Sort, Sorts[0]);
        Courses = data.Courses;
        if (CourseId is { } courseId)
        {
            Course = Courses.FirstOrDefault(c => c.Id == courseId);
            if (Course is null)
            {
                return NotFound();
            }

            await LoadCourseAsync(Course, data.Modules.Where(m => m.CourseIds.Contains(courseId)).ToList(), cancellationToken);
        }
        else
        {
            await LoadGroupsAsync(data.Modules, cancellationToken);
        }

        IsOwnUniversity = UniversityChoice.IsFromClaim(HttpContext);
        if (!IsOwnUniversity)
        {
            UniversityChoice.Remember(HttpContext, University.Id);
        }

        return Page();
    }

    /// <summary>This page with another sort, course or page; "name", no course and the first page are left out.</summary>
    public string UrlWith(string? sort, Guid? course, string? after)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (sort is not null and not "name")
        {
            query.Add(new("sort", sort));
        }

        if (course is { } id)
        {
            query.Add(new("course", id.ToString()));
        }

        if (after is not null)
        {
            query.Add(new("after", after));
        }

        return PagePath + QueryString.Create(query);
    }

    public string ModulePath(ModuleDto module) => CataloguePaths.Module(University, module);

    /// <summary>Every course's first rows: one read of the figures of the university's modules, ranked here.</summary>
    private async Task LoadGroupsAsync(IReadOnlyList<ModuleDto> modules, CancellationToken cancellationToken)
    {
        var figures = await rankings.GetFiguresAsync(modules.Select(m => m.Id).ToList(), cancellationToken);
        var groups = new List<CourseGroup>();
        foreach (var course in Courses)
        {
            var ofCourse = modules.Where(m => m.CourseIds.Contains(course.Id)).ToList();
            var byId = ofCourse.ToDictionary(m => m.Id);
            if (Ranking is { } ranking)
            {
                var ranked = ModuleRankingRules.Rank(ofCourse.Select(m => figures[m.Id]), ranking);
                var rankedIds = ranked.Select(f => f.ModuleId).ToHashSet();
                groups.Add(new CourseGroup(
                    course,
                    ranked.Take(GroupSize).Select(f => new ModuleRow(byId[f.ModuleId], f)).ToList(),
                    ofCourse.Where(m => !rankedIds.Contains(m.Id)).ToList(),
                    ranked.Count > GroupSize));
            }
            else
            {
                groups.Add(new CourseGroup(course, ofCourse.Take(GroupSize).Select(m => new ModuleRow(m, figures[m.Id])).ToList(), [], ofCourse.Count > GroupSize));
            }
        }

        Groups = groups;
    }

    /// <summary>One page of one course: a keyset page of the ranking (or of the names) after the cursor.</summary>
    private async Task LoadCourseAsync(CourseDto course, List<ModuleDto> modules, CancellationToken cancellationToken)
    {
        var byId = modules.ToDictionary(m => m.Id);
        if (Ranking is { } ranking)
        {
            var page = await rankings.RankAsync(byId.Keys, ranking, After, PageSize, cancellationToken);
            Rows = page.Items.Where(f => byId.ContainsKey(f.ModuleId)).Select(f => new ModuleRow(byId[f.ModuleId], f)).ToList();
            NextCursor = page.NextCursor;
            if (After is null)
            {
                var all = await rankings.GetFiguresAsync(byId.Keys, cancellationToken);
                Unranked = modules.Where(m => ModuleRankingRules.KeyOf(all[m.Id], ranking) is null).ToList();
            }

            return;
        }

        var names = await browser.GetModulesAsync(University.Id, course.Id, null, new PageRequest(After: After, PageSize: PageSize), cancellationToken);
        var figures = await rankings.GetFiguresAsync(names.Items.Select(m => m.Id).ToList(), cancellationToken);
        Rows = names.Items.Select(m => new ModuleRow(m, figures[m.Id])).ToList();
        NextCursor = names.NextCursor;
    }
}
