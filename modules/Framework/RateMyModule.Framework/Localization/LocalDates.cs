using System.Globalization;

namespace RateMyModule.Framework.Localization;

/// <summary>
/// Dates as the reader's language writes them ("5 March 2025", "5 Mawrth 2025"). A fixed day-month-year pattern with
/// the culture's month names, not the culture's short pattern: the neutral "en" culture's is the American 3/5/2025.
/// Every module's pages write dates through these, so that one product reads the same everywhere.
/// </summary>
public static class LocalDates
{
    public static string Day(DateTimeOffset time) => time.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Times are stored in UTC and the reader's time zone is not known, so the time says which it is.</summary>
    public static string DayAndTime(DateTimeOffset time) => time.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable value of a time element's datetime attribute.</summary>
    public static string Machine(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
