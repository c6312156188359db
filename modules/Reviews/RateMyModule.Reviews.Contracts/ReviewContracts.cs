namespace RateMyModule.Reviews;

/// <param name="AverageOverall">Null when the module has no visible reviews.</param>
public sealed record ModuleReviewSummary(Guid ModuleId, int ReviewCount, double? AverageOverall);

/// <summary>Review figures other modules show beside the catalogue, one call per page.</summary>
public interface IReviewStatistics
{
    /// <summary>Summaries for the given modules; a module without reviews is present with 0 and null.</summary>
    Task<IReadOnlyDictionary<Guid, ModuleReviewSummary>> GetModuleSummariesAsync(
        IReadOnlyCollection<Guid> moduleIds, CancellationToken cancellationToken = default);
}

public static class ReviewsPermissions
{
    public const string GroupName = "Reviews";

    /// <summary>Work the moderation queue (scoped to one university for Moderators and UniversityAdmins).</summary>
    public const string Moderate = "Reviews.Moderate";

    /// <summary>Verify, rename and merge tags used only by reviews of one's own university.</summary>
    public const string ManageTags = "Reviews.Tags.Manage";

    /// <summary>Verify, rename and merge any tag: tags are one name space shared by every university.</summary>
    public const string ManageAllTags = "Reviews.Tags.ManageAll";
}
