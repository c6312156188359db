using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Courses;

[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class IndexModel(CourseAppService courses, UniversityAppService universities, IStringLocalizer<CoursesResource> localizer)
    : CatalogueListPageModel(localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    public KeysetPage<CourseListItem> Results { get; private set; } = new([], null);

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    protected override string DefaultSort => "name";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraFilters => [new("university", University?.ToString())];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Universities = await universities.GetOptionsAsync(cancellationToken);
        Results = await courses.GetListAsync(new CourseListQuery(University, Search, ArchivedFilter, PageRequest), cancellationToken);
    }
}
