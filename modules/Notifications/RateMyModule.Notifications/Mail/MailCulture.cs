using System.Globalization;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Notifications.Mail;

/// <summary>Writes a mail in its recipient's language: a job runs outside any request, so nothing else sets it.</summary>
public static class MailCulture
{
    public static T In<T>(string? culture, Func<T> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var chosen = CultureInfo.GetCultureInfo(culture is { Length: > 0 } && FrameworkCultures.Supported.Contains(culture) ? culture : FrameworkCultures.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = chosen;
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>RFC 2369 and RFC 8058 headers: mail clients show an unsubscribe button that POSTs to the link.</summary>
    public static IReadOnlyDictionary<string, string> UnsubscribeHeaders(string link) => new Dictionary<string, string>
    {
        ["List-Unsubscribe"] = $"<{link}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };
}
