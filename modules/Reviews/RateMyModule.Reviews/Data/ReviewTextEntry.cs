namespace RateMyModule.Reviews.Data;

/// <summary>
/// A row of <c>RevReviewsText</c>, SQLite's full-text index of review texts (FTS5, trigram tokenizer), which
/// triggers keep equal to <c>RevReviews</c>. A text search asks it which reviews contain the words, so its cost
/// follows the number of matches, not the number of reviews; the migration that creates it explains the layout.
/// </summary>
public sealed class ReviewTextEntry
{
    public Guid ReviewId { get; set; }

    public Guid ModuleId { get; set; }

    public string Text { get; set; } = "";
}
