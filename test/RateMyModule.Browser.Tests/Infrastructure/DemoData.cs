using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Reviews;

namespace RateMyModule.Browser.Tests.Infrastructure;

/// <summary>Where things are in the demo data, found through the modules' contracts rather than known by heart.</summary>
public sealed record DemoData(
    Guid UniversityId,
    string Domain,
    string StudentEmail,
    string ModeratorEmail,
    string UniversityAdminEmail,
    string AdminEmail,
    Guid StudentsModuleId,
    Guid MostReviewedModuleId)
{
    public static async Task<DemoData> LoadAsync(DemoSiteFactory site)
    {
        var moderator = await site.DemoEmailAsync(AccountRoles.Moderator);
        var domain = moderator.Split('@')[1];
        await using var scope = site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var catalogue = services.GetRequiredService<ICatalogueLookup>();
        var university = (await catalogue.FindUniversityByEmailDomainAsync(domain))!;
        var student = (await services.GetRequiredService<UserManager<AccountUser>>().FindByEmailAsync($"student@{domain}"))!;
        var enrolled = await services.GetRequiredService<IAccountLookup>().GetEnrolledCourseIdsAsync(student.Id);
        var studentsModules = await catalogue.GetModulesOfCoursesAsync(enrolled);
        var modules = await catalogue.GetModulesOfCoursesAsync((await catalogue.GetCoursesOfUniversityAsync(university.Id)).Select(c => c.Id).ToList());
        var summaries = await services.GetRequiredService<IReviewStatistics>().GetModuleSummariesAsync(modules.Select(m => m.Id).ToList());
        return new DemoData(
            university.Id,
            domain,
            student.Email!,
            moderator,
            await site.DemoEmailAsync(AccountRoles.UniversityAdmin),
            await site.DemoEmailAsync(AccountRoles.Admin),
            studentsModules.First(m => !m.IsArchived).Id,
            summaries.Values.OrderByDescending(s => s.ReviewCount).First().ModuleId);
    }
}
