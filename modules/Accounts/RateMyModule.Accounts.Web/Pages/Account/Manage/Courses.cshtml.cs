using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RateMyModule.Accounts.Enrolments;
using RateMyModule.Accounts.Users;
using RateMyModule.Accounts.Web.Services;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Http;

namespace RateMyModule.Accounts.Web.Pages.Account.Manage;

[Authorize]
public sealed class CoursesModel(UserManager<AccountUser> users, EnrolmentService enrolments, ICatalogueLookup catalogue, IStringLocalizer<AccountsResource> l) : PageModel
{
    [BindProperty]
    public List<Guid> CourseIds { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IReadOnlyList<CourseDto> Courses { get; private set; } = [];

    public bool HasUniversity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user, cancellationToken);
        CourseIds = await enrolments.GetCourseIdsAsync(user.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        try
        {
            await enrolments.SetCoursesAsync(user.Id, CourseIds, cancellationToken);
        }
        catch (BusinessException e) when (e.Code is EnrolmentService.NoCourseCode or EnrolmentService.ForeignCourseCode)
        {
            ModelState.AddModelError(nameof(CourseIds), l[e.Code]);
            await LoadAsync(user, cancellationToken);
            return Page();
        }

        // Shown by the layout on whichever page comes next: the first-run flow goes on to where the student was going.
        TempData.SetStatusMessage(l["CoursesSaved"]);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(Url.LocalOrHome(ReturnUrl));
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(AccountUser user, CancellationToken cancellationToken)
    {
        HasUniversity = user.UniversityId is not null;
        Courses = user.UniversityId is { } universityId
            ? (await catalogue.GetCoursesOfUniversityAsync(universityId, cancellationToken)).Where(c => !c.IsArchived).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList()
            : [];
    }
}
