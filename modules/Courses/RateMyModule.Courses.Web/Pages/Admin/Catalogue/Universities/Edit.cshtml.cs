using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Universities;

/// <summary>A university's details and history (ManageCatalogue, own university); changes need ManageUniversities.</summary>
[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class EditModel(UniversityAppService universities, IStringLocalizer<CoursesResource> localizer) : CataloguePageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty]
    public UniversityForm Input { get; set; } = new();

    public UniversityDto? Existing { get; private set; }

    public IReadOnlyList<ChangeHistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var editable = await universities.GetAsync(id, cancellationToken);
            Existing = editable.Item;
            Input = new UniversityForm
            {
                Name = editable.Item.Name,
                ShortName = editable.Item.ShortName,
                EmailDomain = editable.Item.EmailDomain,
                FoundedOn = editable.Item.FoundedOn,
                ConcurrencyStamp = editable.ConcurrencyStamp,
            };
            if (Tab == "history")
            {
                History = await universities.GetHistoryAsync(id, cancellationToken);
            }
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var input = new UniversityInput(Input.Name ?? "", Input.ShortName ?? "", Input.EmailDomain ?? "", Input.FoundedOn ?? default, Input.ConcurrencyStamp);
                if (Id is { } id)
                {
                    await universities.UpdateAsync(id, input, cancellationToken);
                    StatusMessage = L["The university was saved."];
                    return RedirectToPage(new { id });
                }

                var created = await universities.CreateAsync(input, cancellationToken);
                StatusMessage = L["The university was created."];
                return RedirectToPage(new { id = created });
            }
            catch (BusinessException error) when (error is not EntityNotFoundException)
            {
                AddError(error);
            }
        }

        if (Id is { } existing)
        {
            Existing = (await universities.GetAsync(existing, cancellationToken)).Item;
        }

        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => universities.ArchiveAsync(id, stamp, cancellationToken), L["The university was archived."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => universities.RestoreAsync(id, stamp, cancellationToken), L["The university was restored."], cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => universities.DeleteAsync(id, stamp, cancellationToken), L["The university was deleted."], cancellationToken, afterwards: "Index");

    private Task<IActionResult> ActAsync(Func<Guid, string?, Task> action, string done, CancellationToken cancellationToken, string? afterwards = null)
        => ActOnItemAsync(Id, "University", Input.ConcurrencyStamp, action, done, () => OnGetAsync(cancellationToken), afterwards);

    public sealed class UniversityForm
    {
        public string? Name { get; set; }

        public string? ShortName { get; set; }

        public string? EmailDomain { get; set; }

        public DateOnly? FoundedOn { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
