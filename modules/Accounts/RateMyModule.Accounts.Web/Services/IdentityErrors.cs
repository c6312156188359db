using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace RateMyModule.Accounts.Web.Services;

/// <summary>Identity's error codes as localized messages on a form field (Identity's own descriptions are English only).</summary>
public static class IdentityErrors
{
    public static void AddTo(ModelStateDictionary modelState, string field, IdentityResult result, IStringLocalizer localizer)
    {
        foreach (var error in result.Errors)
        {
            var text = localizer["Identity:" + error.Code];
            modelState.AddModelError(field, text.ResourceNotFound ? localizer["Identity:Other"] : text);
        }
    }
}
