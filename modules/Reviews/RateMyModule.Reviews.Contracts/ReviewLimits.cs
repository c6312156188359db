namespace RateMyModule.Reviews;

/// <summary>The limits a review and its parts must respect; the forms and the API use the same numbers.</summary>
public static class ReviewLimits
{
    public const int RatingMin = 1;
    public const int RatingMax = 5;
    public const int TextMin = 3;
    public const int TextMax = 5000;
    public const int TagNameMin = 1;
    public const int TagNameMax = 40;
    public const int MaxTagsPerReview = 10;
    public const int NoteMax = 500;
    public const int SnapshotMax = 140;
    public const int DefaultHideThreshold = 2;
    public const int SuspiciousReportCount = 3;

    /// <summary>A trend point needs at least this many reviews in its academic year; fewer is "not enough reviews".</summary>
    public const int TrendMinimumReviews = 3;

    /// <summary>A rated ranking (top rated, hardest…) places a module only from this many ratings: one 5 is no ranking.</summary>
    public const int RankingMinimumRatings = 3;
}

public enum TagKind
{
    Tool = 0,
    Topic = 1,
    Other = 2,
}

/// <summary>Why a review was reported. The numbers are stored: never renumber.</summary>
public enum ReportReason
{
    HateSpeechOrLanguage = 0,
    IdentifyingInformation = 1,
    AssignmentAnswers = 2,
    Spam = 3,
    BullyingOrHarassment = 4,
    FalseInformation = 5,
    SexualContent = 6,
    NotOwnReview = 7,
}

public enum VoteKind
{
    Helpful = 1,
    NotHelpful = -1,
}
