using RateMyModule.Framework.Data;
using RateMyModule.Reviews;

namespace RateMyModule.Notifications.Domain;

/// <summary>
/// One line of a user's in-site list, and the record the mail jobs work from: a new review of a followed module,
/// or a moderator's decision about the user's own review (its category only, never who reported it).
/// </summary>
public sealed class Notification : Entity
{
    public Guid UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public Guid ModuleId { get; set; }

    public Guid ReviewId { get; set; }

    /// <summary>The new review's overall rating (<see cref="NotificationKind.NewReview"/>).</summary>
    public int? Overall { get; set; }

    public ReviewModerationOutcome? Outcome { get; set; }

    public ReportReason? Reason { get; set; }

    public DateTimeOffset CreationTime { get; set; }

    public DateTimeOffset? ReadTime { get; set; }

    /// <summary>When a mail told the user about it; null while it waits for one (or when none is wanted).</summary>
    public DateTimeOffset? MailedTime { get; set; }
}

/// <summary>A user's settings that are not about one module.</summary>
public sealed class NotificationSettings
{
    public Guid UserId { get; set; }

    /// <summary>Mail the user when a moderator hides, restores or deletes their review (on until they say no).</summary>
    public bool ModerationEmails { get; set; } = true;
}

/// <summary>
/// When a user's next follower mail of one cadence is due, and when the last one went: one row per user and cadence
/// is what turns a busy day's reviews into one mail.
/// </summary>
public sealed class MailSchedule
{
    public Guid UserId { get; set; }

    public FollowDelivery Cadence { get; set; }

    /// <summary>Set while a mail job is queued for this user and cadence.</summary>
    public DateTimeOffset? DueTime { get; set; }

    public DateTimeOffset? LastSentTime { get; set; }
}
