using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Courses;
using RateMyModule.Framework.Uow;
using RateMyModule.Framework.Users;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>The real host with the test catalogue, accounts and mail queue in place of the modules still to come.</summary>
public class ReviewsWebFactory : WebAppFactory
{
    public TestCatalogue Catalogue { get; } = new();

    public TestEmailQueue Email { get; } = new();

    public TestAccounts Accounts => _accounts ??= new TestAccounts(Catalogue);

    private TestAccounts? _accounts;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Outside Development the host serves a Razor Class Library's wwwroot only once published; a test runs the
        // build output, so it reads the static web assets manifest like Development does.
        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ICatalogueLookup>(Catalogue);
            services.AddSingleton<IAccountLookup>(Accounts);
            services.AddSingleton<IEmailQueue>(Email);
        });
    }

    /// <summary>Runs <paramref name="work"/> as <paramref name="user"/> in a committed unit of work, outside HTTP.</summary>
    public async Task<T> AsAsync<T>(ClaimsPrincipal? user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        using var _ = scope.ServiceProvider.GetRequiredService<ICurrentUser>().Change(user);
        var result = await work(scope.ServiceProvider);
        await uow.CompleteAsync();
        return result;
    }

    public Task<Guid> WriteReviewAsync(Guid userId, Guid moduleId, int overall = 4, string text = "Good module", int year = 2024, params string[] tags) =>
        AsAsync(TestPrincipals.Student(userId), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(moduleId, new ReviewInput(overall, 3, null, 4, text, year, tags)));

    /// <summary>The antiforgery token of the first post form of a page (its cookie stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"no antiforgery token on {url}");
        return match.Groups[1].Value;
    }
}
