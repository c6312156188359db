using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace RateMyModule.Framework.Http;

/// <summary>
/// The confirmation the layout shows once after a redirect ("Your review is published."), whichever module's page
/// made the change and whichever page it lands on.
/// </summary>
public static class StatusMessages
{
    public const string TempDataKey = "rmm:status";

    /// <summary>The cookie the default TempData provider keeps messages in between a redirect and the next page.</summary>
    public static readonly string TempDataCookieName = CookieTempDataProvider.CookieName;

    public static void SetStatusMessage(this ITempDataDictionary tempData, string message)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[TempDataKey] = message;
    }
}
