using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Reviews;

namespace RateMyModule.Web.Home;

/// <summary>A module as a line of a home-page list: its address and its figures.</summary>
public sealed record HomeModule(ModuleDto Module, UniversityDto University, string Path, ModuleFigures Figures, DateTimeOffset? ReviewedAt = null);

/// <summary>The chosen university's short lists; each is at most <see cref="HomePageQuery.ListSize"/> long.</summary>
public sealed record UniversityHighlights(
    UniversityDto University,
    IReadOnlyList<HomeModule> MostReviewed,
    IReadOnlyList<HomeModule> TopRated,
    IReadOnlyList<HomeModule> RecentlyReviewed);

/// <summary>A student's modules left to review (the first few, and how many there are in all).</summary>
public sealed record ModulesToReview(IReadOnlyList<HomeModule> Modules, int Total);

/// <summary>
/// What the home page shows, through the modules' Contracts only: the catalogue's cached lookups, the Reviews
/// module's rankings over its aggregate rows (cached until a review changes), the student's enrolments. So a
/// render asks nothing whose cost grows with the number of reviews, and a warm cache answers it without SQL.
/// </summary>
public sealed class HomePageQuery(ICatalogueLookup catalogue, IModuleRankings rankings, IAccountLookup accounts)
{
    public const int ListSize = 5;
    public const int ToReviewSize = 6;

    /// <summary>Null when the university is unknown or archived.</summary>
    public async Task<UniversityHighlights?> GetHighlightsAsync(Guid universityId, CancellationToken cancellationToken)
    {
        var university = await catalogue.GetUniversityAsync(universityId, cancellationToken);
        if (university is null || university.IsArchived)
        {
            return null;
        }

        var courses = (await catalogue.GetCoursesOfUniversityAsync(universityId, cancellationToken)).Where(c => !c.IsArchived).Select(c => c.Id).ToList();
        var modules = courses.Count == 0
            ? []
            : (await catalogue.GetModulesOfCoursesAsync(courses, cancellationToken)).Where(m => !m.IsArchived).ToDictionary(m => m.Id);
        var ids = modules.Keys.ToList();
        var mostReviewed = await rankings.RankAsync(ids, ModuleRanking.MostReviewed, null, ListSize, cancellationToken);
        var topRated = await rankings.RankAsync(ids, ModuleRanking.TopRated, null, ListSize, cancellationToken);
        var recent = await rankings.GetRecentlyReviewedAsync(universityId, ids, ListSize, cancellationToken);
        HomeModule Line(ModuleFigures figures, DateTimeOffset? at = null)
        {
            var module = modules[figures.ModuleId];
            return new HomeModule(module, university, CataloguePaths.Module(university, module), figures, at);
        }

        return new UniversityHighlights(
            university,
            mostReviewed.Items.Select(f => Line(f)).ToList(),
            topRated.Items.Select(f => Line(f)).ToList(),
            recent.Select(r => Line(r.Figures, r.ReviewedAt)).ToList());
    }

    /// <summary>The newest reviewed modules of every university, for a visitor who has not chosen one.</summary>
    public async Task<IReadOnlyList<HomeModule>> GetRecentlyReviewedEverywhereAsync(CancellationToken cancellationToken)
    {
        var recent = await rankings.GetRecentlyReviewedAsync(null, null, ListSize * 2, cancellationToken);
        if (recent.Count == 0)
        {
            return [];
        }

        var universities = (await catalogue.GetUniversitiesAsync(cancellationToken)).Where(u => !u.IsArchived).ToDictionary(u => u.Id);
        var modules = (await catalogue.GetModulesAsync(recent.Select(r => r.Figures.ModuleId).ToList(), cancellationToken))
            .Where(m => !m.IsArchived && universities.ContainsKey(m.UniversityId))
            .ToDictionary(m => m.Id);
        return recent
            .Where(r => modules.ContainsKey(r.Figures.ModuleId))
            .Take(ListSize)
            .Select(r =>
            {
                var module = modules[r.Figures.ModuleId];
                var university = universities[module.UniversityId];
                return new HomeModule(module, university, CataloguePaths.Module(university, module), r.Figures, r.ReviewedAt);
            })
            .ToList();
    }

    /// <summary>The modules of the student's courses they have not reviewed, by name.</summary>
    public async Task<ModulesToReview> GetModulesToReviewAsync(Guid userId, CancellationToken cancellationToken)
    {
        var courses = await accounts.GetEnrolledCourseIdsAsync(userId, cancellationToken);
        if (courses.Count == 0)
        {
            return new ModulesToReview([], 0);
        }

        var modules = (await catalogue.GetModulesOfCoursesAsync(courses, cancellationToken)).Where(m => !m.IsArchived).ToList();
        var reviewed = await rankings.GetReviewedModulesAsync(userId, modules.Select(m => m.Id).ToList(), cancellationToken);
        var left = modules.Where(m => !reviewed.Contains(m.Id)).ToList();
        if (left.Count == 0)
        {
            return new ModulesToReview([], 0);
        }

        var universities = (await catalogue.GetUniversitiesAsync(cancellationToken)).ToDictionary(u => u.Id);
        var figures = await rankings.GetFiguresAsync(left.Take(ToReviewSize).Select(m => m.Id).ToList(), cancellationToken);
        var shown = left
            .Where(m => universities.ContainsKey(m.UniversityId))
            .Take(ToReviewSize)
            .Select(m => new HomeModule(m, universities[m.UniversityId], CataloguePaths.Module(universities[m.UniversityId], m), figures[m.Id]))
            .ToList();
        return new ModulesToReview(shown, left.Count);
    }
}
