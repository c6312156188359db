using Microsoft.Extensions.Localization;

namespace RateMyModule.Reviews.Web.Pages.Modules;

/// <summary>Who wrote a review, as readers see it: "From a computer scientist | UoB", or "From an administrator".</summary>
public static class AuthorLine
{
    public static string Of(IStringLocalizer localizer, string authorSnapshot) =>
        authorSnapshot.Length == 0 ? localizer["From an administrator"] : localizer["From {0}", authorSnapshot];
}
