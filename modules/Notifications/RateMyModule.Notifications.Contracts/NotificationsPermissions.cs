namespace RateMyModule.Notifications;

/// <summary>Permission names of the Notifications module (each is also an authorization policy).</summary>
public static class NotificationsPermissions
{
    public const string GroupName = "Notifications";

    /// <summary>Add and delete items at /Admin/Notifications.</summary>
    public const string Manage = "Notifications.Manage";
}

/// <summary>The limits an item must respect; the form and the service use the same numbers.</summary>
public static class NotificationsLimits
{
    public const int NameMin = 2;
    public const int NameMax = 100;
}
