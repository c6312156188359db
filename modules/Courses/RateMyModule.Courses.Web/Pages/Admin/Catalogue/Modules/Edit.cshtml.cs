using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Modules;

/// <summary>Create or edit a module, archive/restore/delete it, and see its history.</summary>
[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class EditModel(
    ModuleAppService modules,
    UniversityAppService universities,
    CourseAppService courses,
    IStringLocalizer<CoursesResource> localizer) : CataloguePageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    /// <summary>The university of a new module (an existing one keeps its own).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty]
    public ModuleForm Input { get; set; } = new();

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public ModuleDto? Existing { get; private set; }

    public IReadOnlyList<ChangeHistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var editable = await modules.GetAsync(id, cancellationToken);
            Existing = editable.Item;
            Input = new ModuleForm
            {
                Name = editable.Item.Name,
                Code = editable.Item.Code,
                StartedOn = editable.Item.StartedOn,
                CourseIds = editable.Item.CourseIds.ToList(),
                ConcurrencyStamp = editable.ConcurrencyStamp,
            };
            if (Tab == "history")
            {
                History = await modules.GetHistoryAsync(id, cancellationToken);
            }
        }

        await LoadChoicesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                if (Id is { } id)
                {
                    var current = await modules.GetAsync(id, cancellationToken);
                    await modules.UpdateAsync(id, ToInput(current.Item.UniversityId), cancellationToken);
                    StatusMessage = L["The module was saved."];
                    return RedirectToPage(new { id });
                }

                if (University is { } universityId)
                {
                    var created = await modules.CreateAsync(ToInput(universityId), cancellationToken);
                    StatusMessage = L["The module was created."];
                    return RedirectToPage(new { id = created, university = (Guid?)null });
                }
            }
            catch (BusinessException error) when (error is not EntityNotFoundException)
            {
                AddError(error);
            }
        }

        if (Id is { } existing)
        {
            Existing = (await modules.GetAsync(existing, cancellationToken)).Item;
        }

        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => modules.ArchiveAsync(id, stamp, cancellationToken), L["The module was archived."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => modules.RestoreAsync(id, stamp, cancellationToken), L["The module was restored."], cancellationToken);

    // The form posts no fields to validate (a module's are required), so success is told by the redirect, not by ModelState.
    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => modules.DeleteAsync(id, stamp, cancellationToken), L["The module was deleted."], cancellationToken, afterwards: "Index");

    private Task<IActionResult> ActAsync(Func<Guid, string?, Task> action, string done, CancellationToken cancellationToken, string? afterwards = null)
        => ActOnItemAsync(Id, "Module", Input.ConcurrencyStamp, action, done, () => OnGetAsync(cancellationToken), afterwards);

    private ModuleInput ToInput(Guid universityId)
        => new(universityId, Input.Name ?? "", Input.Code ?? "", Input.StartedOn ?? default, Input.CourseIds, Input.ConcurrencyStamp);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Universities = await universities.GetOptionsAsync(cancellationToken);
        if (Existing is null && University is null && Universities.Count == 1)
        {
            University = Universities[0].Id;
        }

        var universityId = Existing?.UniversityId ?? University;
        if (universityId is { } chosen)
        {
            Courses = await courses.GetOptionsAsync(chosen, cancellationToken);
        }
    }

    public sealed class ModuleForm
    {
        [Display(Name = "Name")]
        public string? Name { get; set; }

        [Display(Name = "Code")]
        public string? Code { get; set; }

        [Required]
        [Display(Name = "Started on")]
        public DateOnly? StartedOn { get; set; }

        public List<Guid> CourseIds { get; set; } = [];

        public string? ConcurrencyStamp { get; set; }
    }
}
