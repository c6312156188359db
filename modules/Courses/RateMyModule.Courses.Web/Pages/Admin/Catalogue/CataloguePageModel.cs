using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue;

/// <summary>
/// What every catalogue admin page shares: an item the user may not see is a 404 (never a hint that it exists),
/// no permission is a 403, and a broken rule becomes a localized message on its form field.
/// </summary>
public abstract class CataloguePageModel(IStringLocalizer<CoursesResource> localizer) : PageModel
{
    protected IStringLocalizer<CoursesResource> L { get; } = localizer;

    [TempData]
    public string? StatusMessage { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        switch (executed.Exception)
        {
            case EntityNotFoundException:
                executed.Result = NotFound();
                executed.ExceptionHandled = true;
                break;
            case CatalogueAccessDeniedException:
                executed.Result = Forbid();
                executed.ExceptionHandled = true;
                break;
        }
    }

    /// <summary>Puts a broken rule on its field (prefixed with the form's model name), or on the form as a whole.</summary>
    protected void AddError(BusinessException error, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error is ConcurrencyConflictException
            ? L["The item was changed by someone else after you opened it. Reload the page to see their change, then make yours again."].Value
            : L[error.Code, error.Arguments.ToArray()].Value;
        ModelState.AddModelError(error.Field is null ? "" : $"{prefix}.{error.Field}", message);
    }

    protected static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
