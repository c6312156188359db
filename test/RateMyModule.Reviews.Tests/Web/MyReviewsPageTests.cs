using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>"My reviews" at /Account/Manage/Reviews: where each of one's reviews stands, and what is left to review.</summary>
public sealed class MyReviewsPageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private const string Url = "/Account/Manage/Reviews";

    private static TestUser Student(Guid id) => new(id, "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    private Task<bool> ReportAsync(Guid review, ReportReason reason) =>
        app.AsAsync(TestPrincipals.Student(Guid.NewGuid()), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(review, reason);
            return true;
        });

    private Task<bool> DecideAsync(Guid review, ModerationDecision decision) =>
        app.AsAsync(TestPrincipals.Moderator(Guid.NewGuid(), TestCatalogue.UniversityA), async sp =>
        {
            await sp.GetRequiredService<ModerationService>().DecideAsync(review, decision, "Checked");
            return true;
        });

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(Url);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("ReturnUrl=%2FAccount%2FManage%2FReviews");
    }

    [Fact]
    public async Task Each_review_shows_its_module_date_rating_and_where_it_stands_with_moderators()
    {
        var author = Guid.NewGuid();
        var published = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Published Module");
        var reported = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Reported Module");
        var hidden = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Hidden Module");
        var kept = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Kept Module");
        var untouched = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Untouched Module");
        await app.WriteReviewAsync(author, published.Id, overall: 5);
        var reportedReview = await app.WriteReviewAsync(author, reported.Id, overall: 2);
        var hiddenReview = await app.WriteReviewAsync(author, hidden.Id, overall: 1);
        var keptReview = await app.WriteReviewAsync(author, kept.Id, overall: 3);
        await ReportAsync(reportedReview, ReportReason.Spam);
        await ReportAsync(hiddenReview, ReportReason.FalseInformation);
        await DecideAsync(hiddenReview, ModerationDecision.Hide);
        await ReportAsync(keptReview, ReportReason.Spam);
        await DecideAsync(keptReview, ModerationDecision.Dismiss);

        var response = await app.CreateClientAs(Student(author)).GetAsync(Url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        var cards = page.QuerySelectorAll("ol.my-reviews > li");
        cards.Length.ShouldBe(4);
        var byModule = cards.ToDictionary(c => c.QuerySelector("h3 a")!.TextContent.Trim());
        byModule["Published Module"].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("Published");
        byModule["Published Module"].TextContent.ShouldContain("5 out of 5");
        byModule["Published Module"].QuerySelector("time")!.GetAttribute("datetime").ShouldNotBeNullOrEmpty();
        byModule["Reported Module"].QuerySelector("[data-state]")!.TextContent.ShouldContain("Reported for: Spam. Readers still see it until a moderator decides.");
        byModule["Hidden Module"].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("HiddenByModerator");
        byModule["Hidden Module"].QuerySelector("[data-decision]")!.TextContent.ShouldContain("a moderator hid it after reports (False information)");
        byModule["Kept Module"].QuerySelector("[data-state]")!.GetAttribute("data-state").ShouldBe("Published");
        byModule["Kept Module"].QuerySelector("[data-decision]")!.TextContent.ShouldContain("looked at the reports (Spam) and kept it published");
        byModule["Published Module"].QuerySelector("a[href$='/Review']")!.GetAttribute("href").ShouldBe($"/Modules/{published.Id}/Review");

        // Left to review: the student's modules without a review of theirs, each with a way to write one.
        var toReview = page.QuerySelectorAll("ul.to-review li").Select(li => li.QuerySelector("a")!.TextContent).ToList();
        toReview.ShouldContain("Untouched Module");
        toReview.ShouldNotContain("Published Module");
        toReview.ShouldNotContain("Hidden Module");
        var write = page.QuerySelectorAll("ul.to-review li").Single(li => li.TextContent.Contains("Untouched Module")).QuerySelector("a[href$='/Review']")!;
        write.TextContent.Trim().ShouldBe("Write a review");
        write.GetAttribute("aria-label").ShouldBe("Write a review: Untouched Module", "the accessible name starts with the visible words and names the module");
    }

    [Fact]
    public async Task Deleting_a_review_confirms_it_and_only_the_author_can()
    {
        var author = Guid.NewGuid();
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Deleted Module");
        var review = await app.WriteReviewAsync(author, module.Id);

        // Another student, with a review of their own (so their page has a delete form and a token), cannot delete it.
        var strangerId = Guid.NewGuid();
        await app.WriteReviewAsync(strangerId, app.Catalogue.AddModule(TestCatalogue.UniversityA, "Stranger's Module").Id);
        var stranger = app.CreateClientAs(Student(strangerId));
        var strangerToken = await ReviewsWebFactory.AntiforgeryTokenAsync(stranger, Url);
        (await stranger.PostAsync($"{Url}?handler=Delete", Form(strangerToken, ("reviewId", review.ToString())))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var client = app.CreateClientAs(Student(author));
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, Url);
        var response = await client.PostAsync($"{Url}?handler=Delete", Form(token, ("reviewId", review.ToString()), ("moduleName", "Deleted Module")));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe(Url);

        var page = await Html.ParseAsync(await client.GetAsync(Url));
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your review of Deleted Module is deleted.");
        page.QuerySelectorAll("ol.my-reviews > li").Length.ShouldBe(0);
        page.QuerySelectorAll("ul.to-review a").Select(a => a.TextContent).ShouldContain("Deleted Module");
    }

    [Fact]
    public async Task A_long_list_is_keyset_paged_newest_first_in_welsh_too()
    {
        var author = Guid.NewGuid();
        var names = new List<string>();
        for (var i = 0; i < 22; i++)
        {
            var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, $"Paged Module {i:00}");
            await app.WriteReviewAsync(author, module.Id);
            names.Add(module.Name);
        }

        var client = app.CreateClientAs(Student(author));
        var first = await Html.ParseAsync(await client.GetAsync(Url));
        var shown = first.QuerySelectorAll("ol.my-reviews h3 a").Select(a => a.TextContent).ToList();
        shown.Count.ShouldBe(20);
        shown[0].ShouldBe("Paged Module 21");
        var more = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        more.ShouldStartWith($"{Url}?after=");

        var second = await Html.ParseAsync(await client.GetAsync(more + "&culture=cy"));
        second.QuerySelectorAll("ol.my-reviews h3 a").Select(a => a.TextContent).ShouldBe(["Paged Module 01", "Paged Module 00"]);
        second.QuerySelector("a[rel=next]").ShouldBeNull();
        second.QuerySelector("h1")!.TextContent.ShouldBe("Fy adolygiadau");
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);
}
