using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Accounts.Data;
using RateMyModule.Courses;
using RateMyModule.Reviews.Data;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Web.Tests.Performance;

/// <summary>The real host over the demo data, with test sign-in; SQL commands of a request can be recorded from the test.</summary>
public sealed class DemoSiteFactory : WebAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" };

    /// <summary>A client whose requests run in the caller's execution context, so <see cref="SqlCommandRecorder"/> sees their SQL.</summary>
    public HttpClient CreateRecordedClient()
    {
        var client = CreateClient(new() { AllowAutoRedirect = false });
        Server.PreserveExecutionContext = true;
        return client;
    }

    /// <summary>A demo module with reviews, its reviews' ids, and a demo student of its university who wrote none of them.</summary>
    public async Task<DemoModule> FindModuleAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var moduleId = await reviews.Reviews.GroupBy(r => r.ModuleId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var ofModule = await reviews.Reviews.Where(r => r.ModuleId == moduleId && !r.IsHidden).Select(r => new { r.Id, r.UniversityId, r.AuthorId }).ToListAsync();
        var universityId = ofModule[0].UniversityId;
        var student = await accounts.Users.Where(u => u.UniversityId == universityId && u.Email!.StartsWith("student@")).SingleAsync();
        var catalogue = scope.ServiceProvider.GetRequiredService<ICatalogueLookup>();
        var module = (await catalogue.GetModuleAsync(moduleId))!;
        return new DemoModule(
            moduleId,
            CataloguePaths.Module((await catalogue.GetUniversityAsync(universityId))!, module),
            ofModule.Where(r => r.AuthorId != student.Id).Select(r => r.Id).ToList(),
            new TestUser(student.Id, student.Email!, [AccountRoles.Student], universityId));
    }
}

/// <param name="PagePath">The module page's address (/Universities/{university}/Modules/{code}).</param>
public sealed record DemoModule(Guid Id, string PagePath, IReadOnlyList<Guid> ReviewIds, TestUser Student);
