namespace RateMyModule.Courses.Application;

/// <summary>A LIKE pattern that matches the user's text anywhere, with the pattern characters taken literally.</summary>
public static class TextSearch
{
    public const string Escape = "\\";

    public static string? Contains(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed)
            ? null
            : "%" + trimmed.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
