using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Courses;

/// <summary>Create or edit a course, archive/restore/delete it, and see its history.</summary>
[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class EditModel(CourseAppService courses, UniversityAppService universities, IStringLocalizer<CoursesResource> localizer)
    : CataloguePageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty]
    public CourseForm Input { get; set; } = new();

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public CourseDto? Existing { get; private set; }

    public IReadOnlyList<ChangeHistoryEntry> History { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            var editable = await courses.GetAsync(id, cancellationToken);
            Existing = editable.Item;
            Input = new CourseForm { Name = editable.Item.Name, StudentType = editable.Item.StudentType, ConcurrencyStamp = editable.ConcurrencyStamp };
            if (Tab == "history")
            {
                History = await courses.GetHistoryAsync(id, cancellationToken);
            }
        }

        Universities = await universities.GetOptionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (Id is { } id)
            {
                var current = await courses.GetAsync(id, cancellationToken);
                await courses.UpdateAsync(id, new CourseInput(current.Item.UniversityId, Input.Name ?? "", Input.StudentType ?? "", Input.ConcurrencyStamp), cancellationToken);
                StatusMessage = L["The course was saved."];
                return RedirectToPage(new { id });
            }

            var created = await courses.CreateAsync(new CourseInput(University ?? Guid.Empty, Input.Name ?? "", Input.StudentType ?? ""), cancellationToken);
            StatusMessage = L["The course was created."];
            return RedirectToPage(new { id = created, university = (Guid?)null });
        }
        catch (BusinessException error) when (error is not EntityNotFoundException)
        {
            AddError(error);
        }

        if (Id is { } existing)
        {
            Existing = (await courses.GetAsync(existing, cancellationToken)).Item;
        }

        Universities = await universities.GetOptionsAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => courses.ArchiveAsync(id, stamp, cancellationToken), L["The course was archived."], cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => courses.RestoreAsync(id, stamp, cancellationToken), L["The course was restored."], cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
        => ActAsync((id, stamp) => courses.DeleteAsync(id, stamp, cancellationToken), L["The course was deleted."], cancellationToken, afterwards: "Index");

    private Task<IActionResult> ActAsync(Func<Guid, string?, Task> action, string done, CancellationToken cancellationToken, string? afterwards = null)
        => ActOnItemAsync(Id, "Course", Input.ConcurrencyStamp, action, done, () => OnGetAsync(cancellationToken), afterwards);

    public sealed class CourseForm
    {
        public string? Name { get; set; }

        public string? StudentType { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
