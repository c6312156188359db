namespace RateMyModule.Reviews;

/// <summary>Settings of the Reviews module, section <c>Reviews</c>.</summary>
public sealed class ReviewsOptions
{
    public const string Section = "Reviews";

    /// <summary>Reports from this many distinct users hide a review until a moderator decides.</summary>
    public int HideThreshold { get; set; } = ReviewLimits.DefaultHideThreshold;

    /// <summary>Reviews per page of the module page.</summary>
    public int PageSize { get; set; } = 10;
}
