using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>/Admin/Reviews, /Admin/Reports, the moderation rules shown to moderators, and the read API's gaps.</summary>
public sealed class AdminListsHttpTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser Moderator(Guid university) => new(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], university);

    private static TestUser Student(Guid university) => new(Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], university);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private Task<bool> ReportAsync(Guid review, Guid university, ReportReason reason = ReportReason.Spam) =>
        app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), university), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(review, reason);
            return true;
        });

    [Fact]
    public async Task A_moderator_filters_the_reviews_list_and_bulk_hides_after_confirming()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, name: "Bulk Moderation");
        var other = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var first = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 1, text: "Bulk target one");
        var second = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 1, text: "Bulk target two");
        var kept = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, overall: 5, text: "Bulk bystander");
        await app.WriteReviewAsync(Guid.NewGuid(), other.Id, text: "Bulk other university");
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));

        var url = $"/Admin/Reviews?q=Bulk&Module={module.Id}&Rating=1";
        var list = await Html.ParseAsync(await moderator.GetAsync(url));
        list.QuerySelectorAll("tbody tr").Select(r => r.Id).ShouldBe([$"admin-review-{second}", $"admin-review-{first}"], ignoreOrder: true);
        (await moderator.GetStringAsync("/Admin/Reviews?q=Bulk")).ShouldNotContain("Bulk other university");

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, url);
        var missingNote = await moderator.PostAsync(url + "&handler=Confirm",
            Form(token, ("ReviewIds", first.ToString()), ("Decision", "Delete"), ("Note", "")));
        missingNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(missingNote)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("Say why these reviews are deleted");

        var confirm = await moderator.PostAsync(url + "&handler=Confirm",
            Form(token, ("ReviewIds", first.ToString()), ("ReviewIds", second.ToString()), ("Decision", "Hide"), ("Note", "Off topic")));
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await Html.ParseAsync(confirm);
        confirmation.QuerySelector("#confirm-heading")!.TextContent.ShouldBe("Hide these 2 review(s)?");
        confirmation.QuerySelectorAll("input[name=ReviewIds]").Select(i => i.GetAttribute("value")).ShouldBe([first.ToString(), second.ToString()], ignoreOrder: true);
        (await app.CreateClient().GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldContain("Bulk target one");

        var applied = await moderator.PostAsync(url + "&handler=Apply",
            Form(token, ("ReviewIds", first.ToString()), ("ReviewIds", second.ToString()), ("Decision", "Hide"), ("Note", "Off topic")));
        applied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        applied.Headers.Location!.ToString().ShouldBe(url);
        var after = await Html.ParseAsync(await moderator.GetAsync(applied.Headers.Location!.ToString()));
        after.QuerySelector("[role=status]")!.TextContent.ShouldBe("2 review(s) hidden.");
        var visitorPage = await app.CreateClient().GetStringAsync($"{TestCatalogue.PathOf(module)}");
        visitorPage.ShouldNotContain("Bulk target one");
        visitorPage.ShouldContain("Bulk bystander");
        kept.ShouldNotBe(first);

        var foreign = await moderator.PostAsync(url + "&handler=Apply",
            Form(token, ("ReviewIds", kept.ToString()), ("ReviewIds", Guid.NewGuid().ToString()), ("Decision", "Hide")));
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldContain("Bulk bystander");
    }

    [Fact]
    public async Task Students_get_no_admin_lists_and_the_reports_list_shows_open_then_solved_cases()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Reported for the page");
        await ReportAsync(review, TestCatalogue.UniversityA, ReportReason.AssignmentAnswers);
        var student = app.CreateClientAs(Student(TestCatalogue.UniversityA));
        (await student.GetAsync("/Admin/Reviews")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await student.GetAsync("/Admin/Reports")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));
        var open = await Html.ParseAsync(await moderator.GetAsync("/Admin/Reports"));
        var row = open.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Reported for the page", StringComparison.Ordinal));
        row.TextContent.ShouldContain("Assignment answers");
        (await app.CreateClientAs(Moderator(TestCatalogue.UniversityB)).GetStringAsync("/Admin/Reports")).ShouldNotContain("Reported for the page");

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation");
        await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Hide"), ("note", "Answers to coursework"), ("confirmed", "true")));
        (await moderator.GetStringAsync("/Admin/Reports")).ShouldNotContain("Reported for the page");
        var solved = await Html.ParseAsync(await moderator.GetAsync("/Admin/Reports?Status=solved"));
        var decided = solved.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Reported for the page", StringComparison.Ordinal));
        decided.TextContent.ShouldContain("Answers to coursework");
        decided.TextContent.ShouldContain("Hide");
    }

    [Fact]
    public async Task The_moderation_page_states_the_hiding_rule_with_the_configured_threshold()
    {
        var page = await Html.ParseAsync(await app.CreateClientAs(Moderator(TestCatalogue.UniversityA)).GetAsync("/Admin/Moderation"));
        page.QuerySelector("#hide-rule")!.TextContent.ShouldBe(
            "A review is hidden once 2 different people report it, or at once when someone reports identifying information.");
    }

    [Fact]
    public async Task Visible_reviews_read_anonymously_and_hidden_ones_do_not()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Open to read");
        var anonymous = app.CreateClient();
        var read = await anonymous.GetAsync($"/api/v1/reviews/{review}");
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("text").GetString().ShouldBe("Open to read");

        await ReportAsync(review, TestCatalogue.UniversityA, ReportReason.IdentifyingInformation);
        (await anonymous.GetAsync($"/api/v1/reviews/{review}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClientAs(Moderator(TestCatalogue.UniversityA)).GetAsync($"/api/v1/reviews/{review}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_tags_api_lists_verified_tags_by_prefix_a_page_at_a_time()
    {
        var prefix = "Api" + Guid.NewGuid().ToString("N")[..6];
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: [$"{prefix} one", $"{prefix} two", $"{prefix} secret"]);
        await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), async sp =>
        {
            var tags = sp.GetRequiredService<TagService>();
            foreach (var tag in (await tags.GetAllAsync()).Where(t => t.Name.EndsWith(" one", StringComparison.Ordinal) || t.Name.EndsWith(" two", StringComparison.Ordinal)))
            {
                await tags.VerifyAsync(tag.Id, TagKind.Topic);
            }

            return true;
        });

        var anonymous = app.CreateClient();
        var first = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tags?q={prefix}&pageSize=1");
        first.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe([$"{prefix} one"]);
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tags?q={prefix}&pageSize=1&after={Uri.EscapeDataString(cursor!)}");
        second.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldBe([$"{prefix} two"]);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_reports_api_is_for_staff_and_scoped_to_their_university()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityB);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Reported through the api");
        await ReportAsync(review, TestCatalogue.UniversityB, ReportReason.Spam);

        (await app.CreateClient().GetAsync("/api/v1/reports")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.CreateClientAs(Student(TestCatalogue.UniversityB)).GetAsync("/api/v1/reports")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var elsewhere = await app.CreateClientAs(Moderator(TestCatalogue.UniversityA)).GetFromJsonAsync<JsonElement>("/api/v1/reports?pageSize=100");
        elsewhere.GetProperty("items").EnumerateArray().ShouldNotContain(c => c.GetProperty("reviewId").GetGuid() == review);

        var own = await app.CreateClientAs(Moderator(TestCatalogue.UniversityB)).GetFromJsonAsync<JsonElement>("/api/v1/reports?status=open&pageSize=100");
        var item = own.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("reviewId").GetGuid() == review);
        item.GetProperty("reporterCount").GetInt32().ShouldBe(1);
        item.GetProperty("reasons")[0].GetString().ShouldBe("Spam");
        item.GetProperty("status").GetString().ShouldBe("open");
        var bad = await app.CreateClientAs(Moderator(TestCatalogue.UniversityB)).GetAsync("/api/v1/reports?status=closed");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_one_openapi_document_lists_the_new_read_endpoints()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = document.GetProperty("paths");
        paths.TryGetProperty("/api/v1/tags", out _).ShouldBeTrue();
        paths.TryGetProperty("/api/v1/reports", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/reviews/{reviewId}").TryGetProperty("get", out _).ShouldBeTrue();
    }
}
