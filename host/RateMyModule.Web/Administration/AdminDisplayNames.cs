using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using RateMyModule.Web.Localization;

namespace RateMyModule.Web.Administration;

/// <summary>
/// What the audit log and the jobs page show instead of code names: a record type, a property or a job by its
/// localized name ("Entity:University", "Property:ShortName", "Job:Accounts.SendEmail" in the host's texts), and
/// times in the reader's language. A name without a text (a module added later) is still readable: its words, split.
/// </summary>
public sealed partial class AdminDisplayNames(IStringLocalizer<WebResource> l)
{
    /// <summary>A stored time, in UTC, with the month in the reader's language ("29 Nov 2026 15:58", "29 Tach 2026 15:58").</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    /// <param name="entityType">The CLR full name the log stores.</param>
    public string Entity(string entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var shortName = entityType[(entityType.LastIndexOf('.') + 1)..];
        return Text("Entity:" + shortName, shortName);
    }

    public string Property(string propertyName) => Text("Property:" + propertyName, propertyName);

    /// <summary>
    /// A stored value as the log keeps it (the invariant text of the value), with yes and no in the reader's language
    /// instead of the stored True and False; names, numbers and ids read the same in both languages.
    /// </summary>
    public string? Value(string? value) => value switch
    {
        "True" => l["Value:True"].Value,
        "False" => l["Value:False"].Value,
        _ => value,
    };

    /// <param name="jobName">The name the job is stored under (its [BackgroundJobName], or its args type's full name).</param>
    public string Job(string jobName)
    {
        ArgumentNullException.ThrowIfNull(jobName);
        return Text("Job:" + jobName, jobName[(jobName.LastIndexOf('.') + 1)..].Replace("Args", "", StringComparison.Ordinal));
    }

    private string Text(string key, string codeName)
    {
        var text = l[key];
        if (!text.ResourceNotFound)
        {
            return text.Value;
        }

        var words = Words().Replace(codeName, " $1").Trim();
        return words.Length == 0 ? codeName : char.ToUpperInvariant(words[0]) + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex Words();
}
