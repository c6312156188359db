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

    /// <summary>
    /// Archives, restores or deletes the item being edited: on success the status message and a redirect back to
    /// it (or, for a deletion, to <paramref name="afterwards"/>, the list, since the item is gone); on a broken rule
    /// the page again, reloaded as a GET would, with the message (a missing item is a 404).
    /// </summary>
    protected async Task<IActionResult> ActOnItemAsync(
        Guid? id, string itemName, string? concurrencyStamp, Func<Guid, string?, Task> action, string done, Func<Task> reload, string? afterwards = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(reload);
        var itemId = id ?? throw new EntityNotFoundException(itemName, Guid.Empty);
        try
        {
            await action(itemId, concurrencyStamp);
            StatusMessage = done;
            return afterwards is null ? RedirectToPage(new { id = itemId }) : RedirectToPage(afterwards, new { id = (Guid?)null });
        }
        catch (BusinessException error) when (error is not EntityNotFoundException)
        {
            ModelState.Clear();
            AddError(error);
            await reload();
            return Page();
        }
    }

    protected static string Format(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
