using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Data;
using RateMyModule.Sample.Application;

namespace RateMyModule.Sample.Web.Pages.Admin.Sample;

/// <summary>Adds and deletes items. A broken rule is shown on its field and keeps what was typed.</summary>
[Authorize(Policy = SamplePermissions.Manage)]
public sealed class IndexModel(SampleItemAppService items, IStringLocalizer<SampleResource> localizer) : PageModel
{
    public IReadOnlyList<SampleItemDto> Items { get; private set; } = [];

    [BindProperty]
    public ItemForm Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Items = await items.GetListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        try
        {
            await items.CreateAsync(new SampleItemInput(Input.Name), cancellationToken);
        }
        catch (BusinessException error) when (error is not EntityNotFoundException and not SampleAccessDeniedException)
        {
            ModelState.AddModelError(error.Field is null ? "" : $"{nameof(Input)}.{error.Field}", localizer[error.Code, error.Arguments.ToArray()].Value);
            Items = await items.GetListAsync(cancellationToken);
            return Page();
        }

        StatusMessage = localizer["The item was added."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await items.DeleteAsync(id, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }

        StatusMessage = localizer["The item was deleted."].Value;
        return RedirectToPage();
    }

    public sealed class ItemForm
    {
        public string? Name { get; set; }
    }
}
