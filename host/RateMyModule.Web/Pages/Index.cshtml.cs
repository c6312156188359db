using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using RateMyModule.Courses;
using RateMyModule.Courses.Web.Pages.Universities;
using RateMyModule.Framework.Users;
using RateMyModule.Web.Home;

namespace RateMyModule.Web.Pages;

/// <summary>
/// The home page: search, the chosen (or the student's own) university's short lists, and for a student the
/// modules of their courses they have not reviewed. A visitor's page is cached per remembered university.
/// </summary>
[OutputCache(PolicyName = UniversityChoiceCachePolicy.Name)]
public sealed class IndexModel(HomePageQuery query, ICatalogueLookup catalogue, ICurrentUser currentUser) : PageModel
{
    public UniversityHighlights? Highlights { get; private set; }

    /// <summary>For a visitor who has not chosen a university: the universities to choose from.</summary>
    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public IReadOnlyList<HomeModule> RecentlyReviewedEverywhere { get; private set; } = [];

    public ModulesToReview ToReview { get; private set; } = new([], 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (UniversityChoice.Current(HttpContext) is { } universityId)
        {
            Highlights = await query.GetHighlightsAsync(universityId, cancellationToken);
        }

        if (Highlights is null)
        {
            Universities = (await catalogue.GetUniversitiesAsync(cancellationToken)).Where(u => !u.IsArchived).ToList();
            RecentlyReviewedEverywhere = await query.GetRecentlyReviewedEverywhereAsync(cancellationToken);
        }

        if (currentUser.Id is { } userId)
        {
            ToReview = await query.GetModulesToReviewAsync(userId, cancellationToken);
        }
    }
}
