using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>Voting and reporting through the pages and the API: members of the review's university only, no self-votes.</summary>
public sealed class CommunityRulesHttpTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser StudentOf(Guid university, Guid? id = null) => new(id ?? Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], university);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task The_api_refuses_votes_and_reports_from_another_university_with_403_and_the_reason()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var outsider = app.CreateClientAs(StudentOf(TestCatalogue.UniversityA));

        var vote = await outsider.PutAsJsonAsync($"/api/v1/reviews/{review}/vote", new { kind = "Helpful" });
        vote.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(vote)).GetProperty("detail").GetString().ShouldBe("Only students and staff of this review's university can vote on it or report it.");
        var report = await outsider.PostAsJsonAsync($"/api/v1/reviews/{review}/reports", new { reason = "IdentifyingInformation" });
        report.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var visible = await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/reviews/{review}"));
        visible.GetProperty("isHidden").GetBoolean().ShouldBeFalse();
        visible.GetProperty("score").GetInt32().ShouldBe(0);

        var member = app.CreateClientAs(StudentOf(TestCatalogue.UniversityB));
        (await member.PutAsJsonAsync($"/api/v1/reviews/{review}/vote", new { kind = "Helpful" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_refuses_a_self_vote()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = StudentOf(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(author.Id, module.Id);

        var vote = await app.CreateClientAs(author).PutAsJsonAsync($"/api/v1/reviews/{review}/vote", new { kind = "Helpful" });
        vote.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(vote)).GetProperty("detail").GetString().ShouldBe("You cannot vote on your own review.");
        (await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/reviews/{review}"))).GetProperty("score").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_module_page_offers_outsiders_no_vote_or_report_and_refuses_their_posts_with_the_reason()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var outsider = app.CreateClientAs(StudentOf(TestCatalogue.UniversityA));

        var page = await Html.ParseAsync(await outsider.GetAsync($"{TestCatalogue.PathOf(module)}"));
        page.QuerySelector($"#votes-{review} button[name=vote]").ShouldBeNull();
        page.QuerySelector($"#review-{review} a[href$='/Report']").ShouldBeNull();
        var memberPage = await Html.ParseAsync(await app.CreateClientAs(StudentOf(TestCatalogue.UniversityB)).GetAsync($"{TestCatalogue.PathOf(module)}"));
        memberPage.QuerySelector($"#votes-{review} button[name=vote]").ShouldNotBeNull();
        memberPage.QuerySelector($"#review-{review} a[href$='/Report']").ShouldNotBeNull();

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(outsider, $"{TestCatalogue.PathOf(module)}");
        var refused = await outsider.PostAsync($"{TestCatalogue.PathOf(module)}?handler=Vote", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reviewId"] = review.ToString(),
            ["vote"] = "helpful",
        }));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Html.ParseAsync(refused)).QuerySelector("[role=alert]")!.TextContent
            .ShouldContain("Only students and staff of this review's university can vote on it or report it.");

        var reportPage = await outsider.GetAsync($"/Modules/{module.Id}/Reviews/{review}/Report");
        reportPage.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reportHtml = await Html.ParseAsync(reportPage);
        reportHtml.QuerySelector("[role=alert]")!.TextContent.ShouldContain("Only students and staff of this review's university");
        reportHtml.QuerySelector("input[name=Reason]").ShouldBeNull();
    }

    [Fact]
    public async Task The_page_refuses_a_self_vote_posted_by_hand()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = StudentOf(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(author.Id, module.Id);
        var client = app.CreateClientAs(author);
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, $"{TestCatalogue.PathOf(module)}");

        var htmx = new HttpRequestMessage(HttpMethod.Post, $"{TestCatalogue.PathOf(module)}?handler=Vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["reviewId"] = review.ToString(),
                ["vote"] = "helpful",
            }),
        };
        htmx.Headers.Add("HX-Request", "true");
        var refused = await client.SendAsync(htmx);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldBe("You cannot vote on your own review.");
        (await JsonAsync(await app.CreateClient().GetAsync($"/api/v1/reviews/{review}"))).GetProperty("score").GetInt32().ShouldBe(0);
    }
}
