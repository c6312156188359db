using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;
using RateMyModule.Reviews.Administration;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web.Pages.Admin.Reports;

/// <summary>Open and solved reports in the moderator's scope: reasons, reporter count, and for solved ones the decision, who took it and why.</summary>
[Authorize(Policy = ReviewsPermissions.Moderate)]
public sealed class IndexModel(ReportListQuery query, ICatalogueLookup catalogue, ModuleLinks links, IAccountLookup accounts) : PageModel
{
    public const int PageSize = 25;

    /// <summary>"open" (the default) or "solved".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? University { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public bool Solved => Status == "solved";

    public ReportCasePage Cases { get; private set; } = new([], null);

    public IReadOnlyList<UniversityDto> Universities { get; private set; } = [];

    public IReadOnlyDictionary<Guid, ModuleDto> Modules { get; private set; } = new Dictionary<Guid, ModuleDto>();

    /// <summary>The modules' friendly addresses (<see cref="ModuleLinks"/>).</summary>
    public IReadOnlyDictionary<Guid, string> ModulePaths { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Moderators { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Cases = await query.GetPageAsync(!Solved, User.IsInRole(AccountRoles.Admin) ? University : null, After, PageSize, cancellationToken);
        }
        catch (EntityNotFoundException)
        {
            return NotFound();
        }

        if (User.IsInRole(AccountRoles.Admin))
        {
            Universities = [.. (await catalogue.GetUniversitiesAsync(cancellationToken)).OrderBy(u => u.Name, StringComparer.CurrentCulture)];
        }

        // One call to each module for the whole page.
        var moduleIds = Cases.Items.Select(c => c.ModuleId).Distinct().ToList();
        Modules = moduleIds.Count == 0 ? Modules : (await catalogue.GetModulesAsync(moduleIds, cancellationToken)).ToDictionary(m => m.Id);
        ModulePaths = moduleIds.Count == 0 ? ModulePaths : await links.PathsAsync(moduleIds, cancellationToken);
        var moderatorIds = Cases.Items.Where(c => c.ModeratorId is not null).Select(c => c.ModeratorId!.Value).Distinct().ToList();
        Moderators = moderatorIds.Count == 0 ? Moderators : (await accounts.GetUsersAsync(moderatorIds, cancellationToken)).ToDictionary(u => u.Id, u => u.Email);
        return Page();
    }

    public string ListUrl(string? status, string? after) =>
        "/Admin/Reports" + QueryString.Create(new Dictionary<string, string?>
        {
            ["Status"] = status,
            ["University"] = University?.ToString(),
            ["After"] = after,
        }.Where(v => !string.IsNullOrEmpty(v.Value)));
}
