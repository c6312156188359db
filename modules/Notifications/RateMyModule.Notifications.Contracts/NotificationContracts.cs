namespace RateMyModule.Notifications;

/// <summary>How a follower hears about new reviews of a module. The numbers are stored: never renumber.</summary>
public enum FollowDelivery
{
    /// <summary>An e-mail soon after, at most one a day however busy the day (and the in-site list).</summary>
    Immediate = 0,

    /// <summary>One e-mail a week with everything new (and the in-site list).</summary>
    WeeklyDigest = 1,

    /// <summary>No e-mail; the in-site list only.</summary>
    Off = 2,
}

/// <summary>What a notification is about. The numbers are stored: never renumber.</summary>
public enum NotificationKind
{
    NewReview = 1,
    ReviewModerated = 2,
}

public sealed record FollowDto(Guid ModuleId, string ModuleName, string ModuleCode, FollowDelivery Delivery, DateTimeOffset Since);

public static class NotificationLimits
{
    /// <summary>How many notifications the in-site list shows, newest first.</summary>
    public const int ListSize = 50;

    /// <summary>The unread count shown in the header stops counting here ("99+").</summary>
    public const int UnreadCountCap = 99;
}
