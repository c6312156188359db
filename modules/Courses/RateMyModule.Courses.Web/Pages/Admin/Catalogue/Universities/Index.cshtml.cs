using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using RateMyModule.Courses.Application;

namespace RateMyModule.Courses.Web.Pages.Admin.Catalogue.Universities;

[Authorize(Policy = CoursesPermissions.ManageCatalogue)]
public sealed class IndexModel(UniversityAppService universities, IStringLocalizer<CoursesResource> localizer) : CatalogueListPageModel(localizer)
{
    public KeysetPage<UniversityListItem> Results { get; private set; } = new([], null);

    protected override string DefaultSort => "name";

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Results = await universities.GetListAsync(new UniversityListQuery(Search, ArchivedFilter, PageRequest), cancellationToken);
}
