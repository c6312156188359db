using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class AdministratorReviewTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    [Fact]
    public async Task An_admins_review_keeps_no_empty_student_type_in_its_snapshot()
    {
        var admin = Guid.NewGuid();
        app.Accounts.Administrators[admin] = true;
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.AsAsync(TestPrincipals.Admin(admin), sp => sp.GetRequiredService<ReviewService>()
            .CreateAsync(module.Id, new ReviewInput(4, null, null, null, "Written by the admin", 2024, [])));
        var student = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);

        (await app.AsAsync(null, sp => sp.GetRequiredService<ReviewListQuery>().GetAsync(review)))!.AuthorSnapshot.ShouldBe("");
        (await app.AsAsync(null, sp => sp.GetRequiredService<ReviewListQuery>().GetAsync(student)))!.AuthorSnapshot.ShouldBe("a computer scientist | UoA");
    }
}
