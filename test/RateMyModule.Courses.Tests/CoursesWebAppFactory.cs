using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RateMyModule.Accounts;
using RateMyModule.Courses.Application;
using RateMyModule.Framework.Uow;
using RateMyModule.Reviews;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Courses.Tests;

/// <summary>The real web host with the test-only Accounts and Reviews neighbours; one per test class.</summary>
public class CoursesWebAppFactory : WebAppFactory
{
    public TestAccountLookup Accounts { get; } = new();

    public TestReviewStatistics Reviews { get; } = new();

    public static TestUser Admin { get; } = new(Guid.NewGuid(), "admin@example.test", [AccountRoles.Admin]);

    public static TestUser UniversityAdminOf(Guid universityId) => new(Guid.NewGuid(), "uniadmin@example.test", [AccountRoles.UniversityAdmin], universityId);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IAccountLookup>();
            services.RemoveAll<IReviewStatistics>();
            services.AddSingleton<IAccountLookup>(Accounts);
            services.AddSingleton<IReviewStatistics>(Reviews);
        });
    }

    /// <summary>Runs catalogue work directly (as an Admin) to arrange a test, committing it.</summary>
    public async Task<T> ArrangeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        using var _ = scope.ServiceProvider.GetRequiredService<RateMyModule.Framework.Users.ICurrentUser>().Change(CoursesFixture.Admin);
        var result = await work(scope.ServiceProvider);
        await uow.CompleteAsync();
        return result;
    }

    public Task<Guid> UniversityAsync(string name, string domain)
        => ArrangeAsync(sp => sp.GetRequiredService<UniversityAppService>().CreateAsync(new UniversityInput(name, CoursesFixture.UniqueShortName(), domain, new DateOnly(1900, 1, 1))));

    public Task<Guid> CourseAsync(Guid universityId, string name)
        => ArrangeAsync(sp => sp.GetRequiredService<CourseAppService>().CreateAsync(new CourseInput(universityId, name, "a student")));

    public Task<Guid> ModuleAsync(Guid universityId, string name, string code, Guid courseId)
        => ArrangeAsync(sp => sp.GetRequiredService<ModuleAppService>().CreateAsync(new ModuleInput(universityId, name, code, new DateOnly(2020, 9, 1), [courseId])));
}
