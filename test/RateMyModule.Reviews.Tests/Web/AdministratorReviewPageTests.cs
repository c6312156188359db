using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class AdministratorReviewPageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    [Fact]
    public async Task An_admins_review_reads_from_an_administrator_in_english_and_welsh()
    {
        var admin = Guid.NewGuid();
        ((TestAccounts)app.Services.GetRequiredService<IAccountLookup>()).Administrators[admin] = true;
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.AsAsync(TestPrincipals.Admin(admin), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(module.Id, new ReviewInput(4, null, null, null, "Written by the admin", 2024, [])));

        var english = await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}"));
        english.QuerySelector($"#review-{review}-heading")!.TextContent.Trim().ShouldStartWith("From an administrator ·");
        var welsh = await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}?culture=cy"));
        welsh.QuerySelector($"#review-{review}-heading")!.TextContent.Trim().ShouldStartWith("Gan weinyddwr ·");
    }
}
