namespace RateMyModule.Notifications;

/// <summary>Names the Notifications module's texts (Localization/Resources/{culture}.json).</summary>
public sealed class NotificationsResource;
