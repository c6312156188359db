using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ReviewFormAndModerationPageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser Student(Guid? id = null) => new(id ?? Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    private static TestUser Moderator(Guid university) => new(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], university);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    [Fact]
    public async Task Field_errors_show_on_their_fields_and_keep_what_was_typed()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());
        var url = $"/Modules/{module.Id}/Review";
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);

        var response = await client.PostAsync(url, Form(token, ("Input.Text", "ok"), ("Input.Tags", "Rust, Ownership"), ("Input.AcademicYear", "2024")));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Input_Overall-error")!.TextContent.ShouldBe("Choose an overall rating.");
        page.QuerySelector("#Input_Text-error")!.TextContent.ShouldBe("Leave the text empty or write 3 to 5000 characters.");
        page.QuerySelector("#Input_Text")!.TextContent.ShouldBe("ok");
        page.QuerySelector("#Input_Tags")!.GetAttribute("value").ShouldBe("Rust, Ownership");
        page.QuerySelector("#Input_AcademicYear option[selected]")!.GetAttribute("value").ShouldBe("2024");
    }

    [Fact]
    public async Task Welsh_field_errors_come_from_the_welsh_texts()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());
        var url = $"/Modules/{module.Id}/Review?culture=cy";
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);
        var page = await Html.ParseAsync(await client.PostAsync(url, Form(token, ("Input.AcademicYear", "2024"))));
        page.QuerySelector("#Input_Overall-error")!.TextContent.ShouldBe("Dewiswch sgôr gyffredinol.");
    }

    [Fact]
    public async Task Two_simultaneous_submissions_make_one_review_and_one_clear_message()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());
        var url = $"/Modules/{module.Id}/Review";
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            client.PostAsync(url, Form(token, ("Input.Overall", "4"), ("Input.AcademicYear", "2024"), ("Input.Text", "Same review twice")))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("You have already reviewed this module. Edit your review instead.");
        }

        var page = await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}"));
        page.QuerySelectorAll(".review").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Tag_autocomplete_offers_verified_tags_completing_the_last_name()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, tags: ["Pascal", "Parsing"]);
        var parsing = await app.AsAsync(null, sp => sp.GetRequiredService<Data.ReviewsDbContext>().Tags.FindAsync(
            sp.GetRequiredService<Data.ReviewsDbContext>().Tags.Where(t => t.NormalizedName == "PARSING").Select(t => t.Id).Single()).AsTask());
        await app.AsAsync(Fakes.TestPrincipals.Admin(Guid.NewGuid()), async sp =>
        {
            await sp.GetRequiredService<TagService>().VerifyAsync(parsing!.Id, TagKind.Topic);
            return true;
        });

        var response = await app.CreateClientAs(Student()).GetAsync($"/Modules/{module.Id}/Review?handler=Tags&Input.Tags=Java%2C%20pa");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<option value=\"Java, Parsing\">Parsing</option>");
        html.ShouldNotContain("Pascal");
    }

    [Fact]
    public async Task The_moderation_queue_is_not_found_for_students_and_scoped_for_moderators()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Reported words");
        await app.AsAsync(Fakes.TestPrincipals.Student(Guid.NewGuid()), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(review, ReportReason.IdentifyingInformation);
            return true;
        });

        (await app.CreateClient().GetAsync("/Admin/Moderation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClientAs(Student()).GetAsync("/Admin/Moderation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClientAs(Student()).GetAsync("/Admin/Moderation/Tags")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClientAs(Moderator(TestCatalogue.UniversityB)).GetStringAsync("/Admin/Moderation")).ShouldNotContain("Reported words");

        // Hidden at once (identifying information): gone for students, there for the university's moderator.
        (await app.CreateClientAs(Student()).GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldNotContain("Reported words");
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));
        (await moderator.GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldContain("Reported words");
        var queue = await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation"));
        queue.QuerySelector("main")!.TextContent.ShouldContain("Identifying information: 1");

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation");
        var decided = await moderator.PostAsync("/Admin/Moderation?handler=Decide",
            Form(token, ("reviewId", review.ToString()), ("decision", "Dismiss"), ("note", "A fictional name")));
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateClient().GetStringAsync($"{TestCatalogue.PathOf(module)}")).ShouldContain("Reported words");
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("7")]
    public async Task An_unknown_kind_for_a_new_tag_is_refused_on_its_field_and_nothing_is_saved(string kind)
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());
        var url = $"/Modules/{module.Id}/Review";
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);

        var response = await client.PostAsync(url, Form(token, ("Input.Overall", "4"), ("Input.AcademicYear", "2024"), ("Input.Tags", "Brand new tag " + kind), ("Input.NewTagKind", kind)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#Input_NewTagKind-error")!.TextContent.ShouldBe("Choose one of the listed kinds for a new tag.");
        (await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}"))).QuerySelectorAll(".review").Length.ShouldBe(0);
    }
}
