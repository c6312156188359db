namespace RateMyModule.Reviews;

/// <summary>
/// A new review became visible to readers. Published inside the transaction that saved it, so a handler's writes
/// (a notification, a queued mail) commit or roll back with the review.
/// </summary>
public sealed record ReviewPublishedEvent(Guid ReviewId, Guid ModuleId, Guid AuthorId, int Overall, DateTimeOffset PublishedAt);

/// <summary>What a moderator's decision did to a review. The numbers may be stored: never renumber.</summary>
public enum ReviewModerationOutcome
{
    Hidden = 1,
    Restored = 2,
    Deleted = 3,
}

/// <summary>
/// A moderator hid, restored or deleted a review, published inside the deciding transaction. <paramref name="Reason"/>
/// is the category most reports named (null when nobody reported it); who reported it is deliberately not part of it.
/// </summary>
public sealed record ReviewModeratedEvent(
    Guid ReviewId, Guid ModuleId, Guid AuthorId, ReviewModerationOutcome Outcome, ReportReason? Reason, DateTimeOffset ModeratedAt);

/// <summary>
/// Where other modules add controls to a module's page (a follow button, say) without Reviews knowing them: the names
/// of view components, each invoked with <c>new { moduleId }</c> in the page's header.
/// </summary>
public sealed class ModulePageOptions
{
    public IList<string> HeaderViewComponents { get; } = [];
}
