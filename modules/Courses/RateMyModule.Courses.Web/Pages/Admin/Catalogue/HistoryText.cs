using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>How the history tab says a change: a property by its localized name, a time with the month in the reader's language.</summary>
public static partial class HistoryText
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <summary>"Property:ShortName" in the module's texts; a property without one (added later) is still read as words.</summary>
    public static string Property(IStringLocalizer<CoursesResource> l, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(propertyName);
        var text = l["Property:" + propertyName];
        if (!text.ResourceNotFound)
        {
            return text.Value;
        }

        var words = Words().Replace(propertyName, " $1").Trim();
        return words.Length == 0 ? propertyName : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
