namespace RateMyModule.Sample;

/// <summary>Permission names of the Sample module (each is also an authorization policy).</summary>
public static class SamplePermissions
{
    public const string GroupName = "Sample";

    /// <summary>Add and delete items at /Admin/Sample.</summary>
    public const string Manage = "Sample.Manage";
}

/// <summary>The limits an item must respect; the form and the service use the same numbers.</summary>
public static class SampleLimits
{
    public const int NameMin = 2;
    public const int NameMax = 100;
}
