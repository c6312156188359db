namespace RateMyModule.Reviews.Domain;

/// <summary>The four ratings a review has; stored as numbers in <see cref="ModuleRatingCount"/>.</summary>
public enum RatingDimension
{
    Overall = 0,
    Difficulty = 1,
    Assessment = 2,
    Teaching = 3,
}

/// <summary>
/// A module's visible-review totals, kept up to date in the transaction of every write, so headers and catalogue
/// lists read one row per module instead of its reviews.
/// </summary>
public sealed class ModuleReviewStats
{
    public Guid ModuleId { get; set; }

    public int ReviewCount { get; set; }

    public int OverallSum { get; set; }

    public int DifficultySum { get; set; }

    public int DifficultyCount { get; set; }

    public int AssessmentSum { get; set; }

    public int AssessmentCount { get; set; }

    public int TeachingSum { get; set; }

    public int TeachingCount { get; set; }
}

/// <summary>
/// How many visible reviews of a module gave <see cref="Star"/> for one rating in one academic year. Summing over
/// years gives the distribution; summing stars per year gives the trend: at most 4 × 5 × years rows per module.
/// </summary>
public sealed class ModuleRatingCount
{
    public Guid ModuleId { get; set; }

    public RatingDimension Dimension { get; set; }

    public int AcademicYear { get; set; }

    public int Star { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// How many visible reviews of a module carry a tag, kept in step with the reviews like the other aggregates, so
/// the module page's tag filter reads a few rows however many reviews the module has.
/// </summary>
public sealed class ModuleTagCount
{
    public Guid ModuleId { get; set; }

    public Guid TagId { get; set; }

    public int Count { get; set; }
}
