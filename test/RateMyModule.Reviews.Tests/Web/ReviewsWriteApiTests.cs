using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

public sealed class ReviewsWriteApiTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser Student() => new(Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    private static TestUser Moderator(Guid university) => new(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], university);

    private static object ValidReview(string text = "Clear lectures, fair exam") => new { overall = 4, difficulty = 3, text, academicYear = 2024, tags = new[] { "Rust" } };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>())!;

    [Fact]
    public async Task Create_answers_201_with_the_review_then_409_for_a_second_one()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());

        var created = await client.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews", ValidReview());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await JsonAsync(created);
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/reviews/{body.GetProperty("id").GetGuid()}");
        body.GetProperty("text").GetString().ShouldBe("Clear lectures, fair exam");

        var duplicate = await client.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews", ValidReview("Another one"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await JsonAsync(duplicate)).GetProperty("detail").GetString().ShouldBe("You have already reviewed this module. Edit your review instead.");
    }

    [Fact]
    public async Task Invalid_review_answers_400_with_the_field_and_form_posts_are_refused()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());

        var invalid = await client.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews", new { overall = 4, text = "ok", academicYear = 2024 });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(invalid)).GetProperty("errors").GetProperty("text")[0].GetString().ShouldBe("Leave the text empty or write 3 to 5000 characters.");

        var form = await client.PostAsync($"/api/v1/modules/{module.Id}/reviews", new FormUrlEncodedContent([new("overall", "4"), new("academicYear", "2024")]));
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Author_edits_and_deletes_own_review_but_not_someone_elses()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = app.CreateClientAs(Student());
        var id = (await JsonAsync(await author.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews", ValidReview()))).GetProperty("id").GetGuid();

        var edited = await author.PutAsJsonAsync($"/api/v1/reviews/{id}", ValidReview("Better on second thought"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await JsonAsync(edited);
        view.GetProperty("text").GetString().ShouldBe("Better on second thought");
        view.GetProperty("isEdited").GetBoolean().ShouldBeTrue();

        var stranger = app.CreateClientAs(Student());
        (await stranger.PutAsJsonAsync($"/api/v1/reviews/{id}", ValidReview("Hijacked"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.DeleteAsync($"/api/v1/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await author.DeleteAsync($"/api/v1/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await author.GetAsync($"/api/v1/reviews/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Votes_are_set_changed_and_removed()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var reviewId = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = app.CreateClientAs(Student());
        var url = $"/api/v1/reviews/{reviewId}/vote";

        var set = await JsonAsync(await voter.PutAsJsonAsync(url, new { kind = "Helpful" }));
        set.GetProperty("helpfulCount").GetInt32().ShouldBe(1);
        set.GetProperty("notHelpfulCount").GetInt32().ShouldBe(0);

        var changed = await JsonAsync(await voter.PutAsJsonAsync(url, new { kind = "NotHelpful" }));
        changed.GetProperty("helpfulCount").GetInt32().ShouldBe(0);
        changed.GetProperty("notHelpfulCount").GetInt32().ShouldBe(1);
        changed.GetProperty("score").GetInt32().ShouldBe(-1);

        var removed = await voter.DeleteAsync(url);
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var counts = await JsonAsync(removed);
        counts.GetProperty("helpfulCount").GetInt32().ShouldBe(0);
        counts.GetProperty("notHelpfulCount").GetInt32().ShouldBe(0);

        var missing = await voter.PutAsJsonAsync(url, new { });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(missing)).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Reporting_ones_own_review_is_refused_and_another_user_reports_once()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var author = Student();
        var reviewId = await app.WriteReviewAsync(author.Id, module.Id);
        var url = $"/api/v1/reviews/{reviewId}/reports";

        var own = await app.CreateClientAs(author).PostAsJsonAsync(url, new { reason = "Spam" });
        own.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await JsonAsync(own)).GetProperty("detail").GetString().ShouldBe("You cannot report your own review.");

        var reporter = app.CreateClientAs(Student());
        (await reporter.PostAsJsonAsync(url, new { reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await reporter.PostAsJsonAsync(url, new { reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var noReason = await app.CreateClientAs(Student()).PostAsJsonAsync(url, new { });
        (await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Moderation_is_scoped_to_the_moderators_university()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var reviewId = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        await app.CreateClientAs(Student()).PostAsJsonAsync($"/api/v1/reviews/{reviewId}/reports", new { reason = "Spam" });
        var url = $"/api/v1/moderation/reviews/{reviewId}/decisions";

        (await app.CreateClientAs(Moderator(TestCatalogue.UniversityB)).PostAsJsonAsync(url, new { decision = "Hide", note = "Spam" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClientAs(Student()).PostAsJsonAsync(url, new { decision = "Hide", note = "Spam" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));
        var tooLong = await moderator.PostAsJsonAsync(url, new { decision = "Hide", note = new string('n', 501) });
        (await JsonAsync(tooLong)).GetProperty("errors").TryGetProperty("note", out _).ShouldBeTrue();
        (await moderator.PostAsJsonAsync(url, new { decision = "Hide", note = "Advertising" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var publicPage = await app.CreateClient().GetStringAsync($"/api/v1/modules/{module.Id}/reviews");
        publicPage.ShouldNotContain(reviewId.ToString());
    }

    [Fact]
    public async Task Anonymous_writes_answer_401_without_a_redirect()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        (await anonymous.PostAsJsonAsync($"/api/v1/modules/{module.Id}/reviews", ValidReview())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PutAsJsonAsync($"/api/v1/reviews/{Guid.NewGuid()}/vote", new { kind = "Helpful" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync($"/api/v1/moderation/reviews/{Guid.NewGuid()}/decisions", new { decision = "Hide" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Undefined_vote_kinds_and_moderation_decisions_are_refused_with_400_and_nothing_stored()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var reviewId = await app.WriteReviewAsync(Guid.NewGuid(), module.Id);
        var voter = app.CreateClientAs(Student());

        var vote = await voter.PutAsJsonAsync($"/api/v1/reviews/{reviewId}/vote", new { kind = 7 });
        vote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(vote)).GetProperty("errors").GetProperty("kind")[0].GetString().ShouldBe("Choose helpful or not helpful.");
        (await app.AsAsync(null, sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            sp.GetRequiredService<Data.ReviewsDbContext>().Votes, v => v.ReviewId == reviewId))).ShouldBe(0);

        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));
        var decision = await moderator.PostAsJsonAsync($"/api/v1/moderation/reviews/{reviewId}/decisions", new { decision = 42 });
        decision.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await JsonAsync(decision)).GetProperty("errors").GetProperty("decision")[0].GetString().ShouldBe("Choose dismiss, hide, un-hide or delete.");
    }
}
