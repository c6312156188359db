using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;

namespace RateMyModule.Reviews.Tests.Core;

public sealed class AccountAndExportTests(ReviewsCoreFixture app) : IClassFixture<ReviewsCoreFixture>
{
    [Fact]
    public async Task Deleting_an_account_removes_its_reviews_votes_and_reports_in_the_deleting_transaction()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var leaver = Guid.NewGuid();
        var own = await app.WriteReviewAsync(leaver, module.Id, overall: 1);
        var other = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5);
        await app.AsAsync(TestPrincipals.Student(leaver), sp => sp.GetRequiredService<VoteService>().VoteAsync(other, VoteKind.Helpful));
        await app.AsAsync(TestPrincipals.Student(leaver), sp => sp.GetRequiredService<ReportService>().ReportAsync(other, ReportReason.Spam));
        await app.AsAsync(TestPrincipals.Student(Guid.NewGuid()), sp => sp.GetRequiredService<VoteService>().VoteAsync(own, VoteKind.Helpful));

        // A failing publisher rolls back: nothing of the user's is gone.
        await Should.ThrowAsync<InvalidOperationException>(() => app.AsAsync(null, async sp =>
        {
            await sp.GetRequiredService<ILocalEventBus>().PublishAsync(new AccountDeletedEvent(leaver));
            throw new InvalidOperationException("the account row could not be deleted");
        }));
        (await app.DbAsync(db => db.Reviews.AnyAsync(r => r.Id == own))).ShouldBeTrue();

        await app.AsAsync(null, sp => sp.GetRequiredService<ILocalEventBus>().PublishAsync(new AccountDeletedEvent(leaver)));
        (await app.DbAsync(db => db.Reviews.AnyAsync(r => r.AuthorId == leaver))).ShouldBeFalse();
        (await app.DbAsync(db => db.Votes.AnyAsync(v => v.UserId == leaver || v.ReviewId == own))).ShouldBeFalse();
        (await app.DbAsync(db => db.Reports.AnyAsync(r => r.ReporterId == leaver))).ShouldBeFalse();
        (await app.DbAsync(db => db.Reviews.Where(r => r.Id == other).Select(r => r.HelpfulCount).SingleAsync())).ShouldBe(0);
        await app.AssertAggregateMatchesReviewsAsync(module.Id);
    }

    [Fact]
    public async Task The_data_export_holds_the_users_reviews_votes_and_reports()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var user = Guid.NewGuid();
        await app.WriteReviewAsync(user, module.Id, text: "My own words here");
        var other = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<VoteService>().VoteAsync(other, VoteKind.NotHelpful));
        await app.AsAsync(TestPrincipals.Student(user), sp => sp.GetRequiredService<ReportService>().ReportAsync(other, ReportReason.FalseInformation));

        var contributor = app.Host.Services.CreateScope().ServiceProvider.GetServices<IPersonalDataContributor>().Single();
        contributor.SectionName.ShouldBe("reviews");
        var json = JsonSerializer.Serialize(await app.AsAsync(null, sp => sp.GetRequiredService<IPersonalDataContributor>().ExportAsync(user, default)));
        json.ShouldContain("My own words here");
        json.ShouldContain("NotHelpful");
        json.ShouldContain("FalseInformation");
        json.ShouldNotContain(other.ToString() + "\",\"ModuleId");
    }

    [Fact]
    public async Task Moderators_and_university_admins_are_granted_the_review_permissions_idempotently()
    {
        await app.Host.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(false));
        var grants = await app.Host.ScopeAsync(sp => sp.GetRequiredService<RateMyModule.Framework.FrameworkDbContext>().PermissionGrants
            .Where(g => g.PermissionName.StartsWith("Reviews.")).Select(g => g.RoleName + ":" + g.PermissionName).ToListAsync());
        grants.ShouldBe(
            [
                "Admin:Reviews.Moderate", "Admin:Reviews.Tags.Manage", "Admin:Reviews.Tags.ManageAll", "Moderator:Reviews.Moderate", "Moderator:Reviews.Tags.Manage",
                "UniversityAdmin:Reviews.Moderate", "UniversityAdmin:Reviews.Tags.Manage",
            ],
            ignoreOrder: true);
        (await app.AsAsync(null, sp => sp.GetRequiredService<PermissionDefinitionManager>().IsDefined(ReviewsPermissions.Moderate) ? Task.FromResult(true) : Task.FromResult(false))).ShouldBeTrue();
    }
}
