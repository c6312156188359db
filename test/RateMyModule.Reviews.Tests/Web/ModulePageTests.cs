using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ModulePageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser Student(Guid? id = null) => new(id ?? Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    [Fact]
    public async Task The_page_shows_the_header_four_distributions_with_tables_and_a_trend_with_the_minimum_rule()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Compilers");
        foreach (var (overall, year) in new[] { (5, 2022), (4, 2022), (3, 2022), (1, 2023), (2, 2023) })
        {
            await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall, year: year);
        }

        var response = await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);

        page.QuerySelector("h1")!.TextContent.ShouldBe("Compilers");
        page.QuerySelector("[data-figure=count]")!.TextContent.Trim().ShouldBe("5");
        page.QuerySelector("[data-figure=Overall]")!.TextContent.Trim().ShouldBe("3.0 out of 5");
        page.QuerySelectorAll("svg.bar-chart").Length.ShouldBe(4);
        var overallTable = page.QuerySelectorAll("figure.rating-chart table")[0];
        var fiveStars = overallTable.QuerySelectorAll("tbody tr")[0];
        fiveStars.TextContent.ShouldContain("5");
        fiveStars.QuerySelectorAll("td")[1].TextContent.ShouldBe("20.0%");
        page.QuerySelectorAll("svg.bar-chart rect.bar").Length.ShouldBe(20);

        // 2022 has three reviews: a point; 2023 has two: "not enough reviews", and no point.
        var trendRows = page.QuerySelectorAll("#trend table tbody tr");
        trendRows.Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(["2022/23", "2023/24"]);
        trendRows[0].QuerySelector("td")!.TextContent.ShouldBe("4.00 (3 reviews)");
        trendRows[1].QuerySelector("td")!.TextContent.ShouldBe("Not enough reviews (2)");
        page.QuerySelectorAll("#trend svg circle.trend-point").Length.ShouldBe(1);
        page.QuerySelectorAll("[style]").Length.ShouldBe(0);
    }

    [Fact]
    public async Task Review_text_is_plain_text_and_markup_in_it_stays_inert()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Line one\n<script>alert('x')</script><b>bold</b>");

        var response = await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert");
        html.ShouldNotContain("<b>bold</b>");
        var page = await Html.ParseAsync(response);
        page.QuerySelector(".review-text")!.TextContent.ShouldBe("Line one\n<script>alert('x')</script><b>bold</b>");
    }

    [Fact]
    public async Task Filters_are_shareable_urls_and_htmx_gets_only_the_list_fragment()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, 5, "Wonderful labs");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, 1, "Dreadful exam");

        var full = await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}?rating=1"));
        full.QuerySelector("html").ShouldNotBeNull();
        full.QuerySelectorAll("#reviews .review-text").Select(e => e.TextContent).ShouldBe(["Dreadful exam"]);
        full.QuerySelector("form.review-filters")!.GetAttribute("hx-push-url").ShouldBe("true");

        var request = new HttpRequestMessage(HttpMethod.Get, $"{TestCatalogue.PathOf(module)}?q=labs");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "reviews");
        var fragment = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();
        fragment.ShouldStartWith("<div id=\"reviews\"");
        fragment.ShouldNotContain("<html");
        fragment.ShouldContain("Wonderful labs");
        fragment.ShouldNotContain("Dreadful exam");
    }

    [Fact]
    public async Task An_unknown_module_is_not_found()
    {
        (await app.CreateClient().GetAsync($"/Modules/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Votes_work_without_javascript_and_as_an_htmx_fragment()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var client = app.CreateClientAs(Student());
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, $"{TestCatalogue.PathOf(module)}");

        // What a browser without JavaScript sends: the button's form (the page's one vote form, with the token) to the
        // button's address, with the button's name and value.
        var page = await Html.ParseAsync(await client.GetAsync($"{TestCatalogue.PathOf(module)}"));
        var button = page.QuerySelector($"#votes-{review} button[value=helpful]")!;
        var form = page.GetElementById(button.GetAttribute("form")!)!;
        form.GetAttribute("method").ShouldBe("post");
        var plain = await client.PostAsync(button.GetAttribute("formaction"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            [button.GetAttribute("name")!] = button.GetAttribute("value")!,
        }));
        plain.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        plain.Headers.Location!.ToString().ShouldBe($"{TestCatalogue.PathOf(module)}#review-{review}");

        var htmx = new HttpRequestMessage(HttpMethod.Post, $"{TestCatalogue.PathOf(module)}?handler=Vote")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["reviewId"] = review.ToString(),
                ["vote"] = "not-helpful",
            }),
        };
        htmx.Headers.Add("HX-Request", "true");
        var fragment = await (await client.SendAsync(htmx)).Content.ReadAsStringAsync();
        fragment.ShouldStartWith($"<div class=\"vote-box\" id=\"votes-{review}\"");
        fragment.ShouldContain("Score -1");
        fragment.ShouldContain("Not helpful (1)");
        fragment.ShouldContain("Helpful (0)");
    }

    [Fact]
    public async Task Each_reader_sees_their_own_vote_and_everyone_the_counts_after_it()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = app.CreateClientAs(Student());
        var other = app.CreateClientAs(Student());
        async Task<AngleSharp.Dom.IElement> VoteBoxAsync(HttpClient reader)
            => (await Html.ParseAsync(await reader.GetAsync($"{TestCatalogue.PathOf(module)}"))).QuerySelector($"#votes-{review}")!;

        // The page's reviews and charts are rendered once for every reader like another: the second student without a
        // vote there is served what the first one's request rendered.
        var fragments = (MemoryCache)app.Services.GetRequiredService<CacheTagHelperMemoryCacheFactory>().Cache;
        (await VoteBoxAsync(other)).QuerySelector("button[value=helpful]")!.TextContent.ShouldBe("Helpful (0)");
        var rendered = fragments.Count;
        rendered.ShouldBeGreaterThanOrEqualTo(3, "the distributions, the trend and the review are kept");
        (await VoteBoxAsync(voter)).QuerySelector("button[value=helpful]")!.TextContent.ShouldBe("Helpful (0)");
        fragments.Count.ShouldBe(rendered);

        // The vote moves the Reviews stamp: every reader's next page is rendered afresh.
        (await voter.PutAsJsonAsync($"/api/v1/reviews/{review}/vote", new { kind = "Helpful" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = await VoteBoxAsync(voter);
        mine.QuerySelector("button[aria-pressed=true]")!.TextContent.ShouldBe("Helpful (1)");
        var theirs = await VoteBoxAsync(other);
        theirs.QuerySelector("button[value=helpful]")!.TextContent.ShouldBe("Helpful (1)");
        theirs.QuerySelector("button[aria-pressed=true]").ShouldBeNull("another reader's vote is not theirs");
        theirs.QuerySelector(".vote-score")!.TextContent.ShouldBe("Score 1");
    }

    [Fact]
    public async Task A_vote_without_the_antiforgery_token_is_refused()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var response = await app.CreateClientAs(Student()).PostAsync($"{TestCatalogue.PathOf(module)}?handler=Vote",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewId"] = review.ToString(), ["vote"] = "helpful" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_api_gives_visible_reviews_with_the_same_filters_and_the_stats()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, 5, "Api five");
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, 2, "Api two");
        var client = app.CreateClient();

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/modules/{module.Id}/reviews?rating=5");
        page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ShouldBe(["Api five"]);
        var stats = await client.GetFromJsonAsync<JsonElement>($"/api/v1/modules/{module.Id}/stats");
        stats.GetProperty("reviewCount").GetInt32().ShouldBe(2);
        stats.GetProperty("distributions")[0].GetProperty("average").GetDouble().ShouldBe(3.5);
        (await client.GetAsync($"/api/v1/modules/{Guid.NewGuid()}/stats")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
