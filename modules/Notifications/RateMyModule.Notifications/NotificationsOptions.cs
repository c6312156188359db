namespace RateMyModule.Notifications;

/// <summary>Mail timing and links (section <c>Notifications</c>).</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>How long the first new review waits for others, so a burst becomes one mail.</summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most one "immediate" follower mail per user in this time: one busy day is one mail.</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The weekly digest goes on this day, at <see cref="DigestHourUtc"/>.</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public int DigestHourUtc { get; set; } = 8;

    /// <summary>How long an unsubscribe link in a mail works.</summary>
    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// The site's public address for links in mails sent by jobs, e.g. <c>https://ratemymodule.app</c>. When unset,
    /// <c>PUBLIC_URL</c>; when that is unset too (development), the address of the request that caused the mail.
    /// </summary>
    public string? SiteUrl { get; set; }
}
