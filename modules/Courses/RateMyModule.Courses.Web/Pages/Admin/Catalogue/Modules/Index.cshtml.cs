using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Modules;

[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class IndexModel(
    ModuleAppService modules,
    UniversityAppService universities,
    CourseAppService courses,
    IStringLocalizer<CoursesResource> localizer) : CatalogueListPageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Course { get; set; }

    public KeysetPage<ModuleListItem> Results { get; private set; } = new([], null);

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    /// <summary>The chosen university's courses, for the course filter (empty until a university is chosen).</summary>
    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    protected override string DefaultSort => "name";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraFilters =>
    [
        new("university", University?.ToString()),
        new("course", Course?.ToString()),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Universities = await universities.GetOptionsAsync(cancellationToken);
        if (University is null && Universities.Count == 1)
        {
            University = Universities[0].Id;
        }

        if (University is { } universityId)
        {
            Courses = await courses.GetOptionsAsync(universityId, cancellationToken);
        }

        Results = await modules.GetListAsync(new ModuleListQuery(University, Course, Search, ArchivedFilter, PageRequest), cancellationToken);
    }
}
