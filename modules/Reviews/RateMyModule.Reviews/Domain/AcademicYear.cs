namespace RateMyModule.Reviews.Domain;

/// <summary>UK academic years run September to August; 2025 means 2025/26.</summary>
public static class AcademicYear
{
    public const int FirstMonth = 9;

    public static int Of(DateOnly date) => date.Month >= FirstMonth ? date.Year : date.Year - 1;

    public static int Of(DateTimeOffset time) => Of(DateOnly.FromDateTime(time.UtcDateTime));

    /// <summary>"2025/26".</summary>
    public static string Label(int year) => $"{year}/{(year + 1) % 100:00}";
}
