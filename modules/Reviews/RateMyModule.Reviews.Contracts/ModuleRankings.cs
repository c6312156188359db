namespace RateMyModule.Reviews;

/// <summary>How a list of modules is ranked by its reviews.</summary>
public enum ModuleRanking
{
    MostReviewed = 0,
    TopRated = 1,
    Hardest = 2,
    Easiest = 3,
    BestTeaching = 4,
}

/// <summary>A module's visible-review figures; an average is null when no review gave that rating.</summary>
public sealed record ModuleFigures(
    Guid ModuleId,
    int ReviewCount,
    double? AverageOverall,
    double? AverageDifficulty,
    double? AverageAssessment,
    double? AverageTeaching,
    int DifficultyCount = 0,
    int AssessmentCount = 0,
    int TeachingCount = 0);

/// <summary>
/// What places a module in a ranking, for callers that rank a few modules they already hold the figures of
/// (<see cref="IModuleRankings.RankAsync"/> applies the same rules in SQL).
/// </summary>
public static class ModuleRankingRules
{
    public static bool BestIsHighest(ModuleRanking ranking) => ranking != ModuleRanking.Easiest;

    /// <summary>The value the ranking sorts on, or null when the module cannot be ranked so (too few ratings).</summary>
    public static double? KeyOf(ModuleFigures figures, ModuleRanking ranking)
    {
        const int minimum = ReviewLimits.RankingMinimumRatings;
        return ranking switch
        {
            ModuleRanking.TopRated => figures.ReviewCount >= minimum ? figures.AverageOverall : null,
            ModuleRanking.Hardest or ModuleRanking.Easiest => figures.DifficultyCount >= minimum ? figures.AverageDifficulty : null,
            ModuleRanking.BestTeaching => figures.TeachingCount >= minimum ? figures.AverageTeaching : null,
            _ => figures.ReviewCount > 0 ? figures.ReviewCount : null,
        };
    }

    /// <summary>The modules that can be ranked so, best first; ties by module id, as in SQL.</summary>
    public static IReadOnlyList<ModuleFigures> Rank(IEnumerable<ModuleFigures> figures, ModuleRanking ranking)
    {
        var ranked = figures.Select(f => (Figures: f, Key: KeyOf(f, ranking))).Where(x => x.Key is not null);
        var ordered = BestIsHighest(ranking) ? ranked.OrderByDescending(x => x.Key) : ranked.OrderBy(x => x.Key);
        return ordered.ThenBy(x => x.Figures.ModuleId.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select(x => x.Figures).ToList();
    }
}

/// <summary>One page of a ranking and the cursor of the next one (null on the last page).</summary>
public sealed record ModuleRankingPage(IReadOnlyList<ModuleFigures> Items, string? NextCursor);

/// <param name="ReviewedAt">When its latest visible review was written.</param>
public sealed record RecentlyReviewedModule(ModuleFigures Figures, DateTimeOffset ReviewedAt);

/// <summary>
/// Rankings and highlights other modules show (the home page, a university's page), read from the Reviews module's
/// per-module aggregate rows, so what they cost depends on the modules asked about, never on the number of reviews.
/// </summary>
public interface IModuleRankings
{
    /// <summary>
    /// The given modules that can be ranked so (a rated ranking needs <see cref="ReviewLimits.RankingMinimumRatings"/>
    /// ratings), best first, in keyset pages: <paramref name="after"/> is the previous page's cursor.
    /// </summary>
    Task<ModuleRankingPage> RankAsync(
        IReadOnlyCollection<Guid> moduleIds, ModuleRanking ranking, string? after, int take, CancellationToken cancellationToken = default);

    /// <summary>The figures of the given modules; a module without reviews is present with 0 and nulls.</summary>
    Task<IReadOnlyDictionary<Guid, ModuleFigures>> GetFiguresAsync(
        IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default);

    /// <summary>The university's modules with the newest visible reviews, newest first, among <paramref name="moduleIds"/>.</summary>
    Task<IReadOnlyList<RecentlyReviewedModule>> GetRecentlyReviewedAsync(
        Guid? universityId, IReadOnlyCollection<Guid>? moduleIds, int take, CancellationToken cancellationToken = default);

    /// <summary>Which of the given modules the user has reviewed (hidden reviews count: they still have one).</summary>
    Task<IReadOnlySet<Guid>> GetReviewedModulesAsync(
        Guid userId, IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default);
}
