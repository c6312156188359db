using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ReviewHistoryPageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    [Fact]
    public async Task Earlier_versions_show_to_the_author_and_moderators_only_in_english_and_welsh()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = new TestUser(Guid.NewGuid(), "author@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);
        var reviewId = await app.WriteReviewAsync(author.Id, module.Id, overall: 2, text: "First <b>draft</b>");
        await app.AsAsync(TestPrincipals.Student(author.Id), async sp =>
        {
            await sp.GetRequiredService<ReviewService>().UpdateAsync(reviewId, new ReviewInput(5, 3, null, 4, "Second thoughts", 2024, []));
            return true;
        });
        var url = $"{TestCatalogue.PathOf(module)}";

        var mine = await Html.ParseAsync(await app.CreateClientAs(author).GetAsync(url));
        var history = mine.QuerySelector($"#review-{reviewId} details.review-history")!;
        history.QuerySelector("summary")!.TextContent.ShouldBe("Edited: earlier versions");
        history.QuerySelector(".review-text")!.TextContent.ShouldBe("First <b>draft</b>");
        history.QuerySelector("b").ShouldBeNull("earlier texts are plain text");
        history.TextContent.ShouldContain("Replaced on");

        var moderator = new TestUser(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], TestCatalogue.UniversityA);
        var welsh = await Html.ParseAsync(await app.CreateClientAs(moderator).GetAsync(url + "?culture=cy"));
        welsh.QuerySelector($"#review-{reviewId} details.review-history summary")!.TextContent.ShouldBe("Golygwyd: fersiynau cynharach");

        var otherModerator = new TestUser(Guid.NewGuid(), "moderator@bangoria.ac.uk", ["Moderator"], TestCatalogue.UniversityB);
        foreach (var reader in new[] { app.CreateClientAs(new TestUser(Guid.NewGuid(), "reader@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA)), app.CreateClientAs(otherModerator), app.CreateClient() })
        {
            var page = await Html.ParseAsync(await reader.GetAsync(url));
            page.QuerySelector($"#review-{reviewId}").ShouldNotBeNull();
            page.QuerySelector($"#review-{reviewId} details.review-history").ShouldBeNull();
            page.Body!.TextContent.ShouldNotContain("First <b>draft</b>");
        }
    }
}
