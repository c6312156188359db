using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>
/// /Admin/Moderation (what each queued review shows, the Admin's university filter, no preselected decision, hide and
/// delete confirmed first, un-hide), /Admin/Moderation/Tags' verify and merge, and the admin lists' dates and links.
/// </summary>
public sealed class ModerationQueuePageTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "admin@example.test", ["Admin"]);

    private static readonly DateTimeOffset Written = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    private static TestUser Moderator(Guid university) => new(Guid.NewGuid(), "moderator@aberdyfi.ac.uk", ["Moderator"], university);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    private Task<bool> ReportAsync(Guid review, Guid university, ReportReason reason = ReportReason.Spam) =>
        app.AsAsync(TestPrincipals.Student(Guid.NewGuid(), university), async sp =>
        {
            await sp.GetRequiredService<ReportService>().ReportAsync(review, reason);
            return true;
        });

    /// <summary>Dates the review and its reports, so pages can be checked against a known day in each language.</summary>
    private Task<string> BackdateAsync(Guid review) =>
        app.AsAsync(null, async sp =>
        {
            var db = sp.GetRequiredService<ReviewsDbContext>();
            await db.Reviews.Where(r => r.Id == review).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreationTime, Written));
            await db.Reports.Where(r => r.ReviewId == review).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreationTime, Written.AddDays(1)));
            return await db.Reviews.Where(r => r.Id == review).Select(r => r.AuthorSnapshot).SingleAsync();
        });

    private Task<int> ReviewCountAsync(Guid module) =>
        app.AsAsync(null, async sp => (await sp.GetRequiredService<IReviewStatistics>().GetModuleSummariesAsync([module]))[module].ReviewCount);

    private Task<int> TagCountAsync(Guid module) =>
        app.AsAsync(null, sp => sp.GetRequiredService<ReviewsDbContext>().TagCounts.Where(c => c.ModuleId == module).SumAsync(c => c.Count));

    [Fact]
    public async Task Each_queued_review_shows_its_module_university_author_and_date_and_the_admin_filters_by_university()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Queued Module");
        var other = app.Catalogue.AddModule(TestCatalogue.UniversityB, "Elsewhere Module");
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Queued in Aberdyfi");
        var elsewhere = await app.WriteReviewAsync(Guid.NewGuid(), other.Id, text: "Queued in Bangor Isaf");
        await ReportAsync(review, TestCatalogue.UniversityA);
        await ReportAsync(elsewhere, TestCatalogue.UniversityB);
        var snapshot = await BackdateAsync(review);
        var admin = app.CreateClientAs(Admin);

        var page = await Html.ParseAsync(await admin.GetAsync("/Admin/Moderation"));
        var item = page.QuerySelector($"#queued-{review}")!;
        var moduleLink = item.QuerySelector("[data-review-module] a")!;
        moduleLink.TextContent.ShouldBe($"{module.Code} Queued Module");
        moduleLink.GetAttribute("href").ShouldBe($"{TestCatalogue.PathOf(module)}#review-{review}");
        item.QuerySelector("[data-review-university]")!.TextContent.ShouldBe("University of Aberdyfi");
        snapshot.ShouldNotBeNullOrEmpty();
        item.QuerySelector("[data-review-author]")!.TextContent.ShouldBe($"From {snapshot}");
        item.QuerySelector("[data-review-module] + p time")!.TextContent.ShouldBe("14 March 2025");
        item.QuerySelector("details time")!.TextContent.ShouldBe("15 March 2025, 09:30 UTC");
        page.QuerySelector($"#queued-{elsewhere}").ShouldNotBeNull();

        var welsh = await Html.ParseAsync(await admin.GetAsync("/Admin/Moderation?culture=cy"));
        welsh.QuerySelector($"#queued-{review} [data-review-module] + p time")!.TextContent.ShouldBe("14 Mawrth 2025");

        // The filter is a GET value: the address can be shared and reloaded.
        var filtered = await Html.ParseAsync(await admin.GetAsync($"/Admin/Moderation?University={TestCatalogue.UniversityB}"));
        filtered.QuerySelector("#University option[selected]")!.GetAttribute("value").ShouldBe(TestCatalogue.UniversityB.ToString());
        filtered.QuerySelector($"#queued-{elsewhere}").ShouldNotBeNull();
        filtered.QuerySelector($"#queued-{review}").ShouldBeNull();

        // A university's moderator has no filter and cannot use one to look elsewhere.
        var moderator = await Html.ParseAsync(await app.CreateClientAs(Moderator(TestCatalogue.UniversityA)).GetAsync($"/Admin/Moderation?University={TestCatalogue.UniversityB}"));
        moderator.QuerySelector("#University").ShouldBeNull();
        moderator.QuerySelector($"#queued-{review}").ShouldNotBeNull();
        moderator.QuerySelector($"#queued-{elsewhere}").ShouldBeNull();
    }

    [Fact]
    public async Task No_decision_is_chosen_beforehand_and_saving_without_one_keeps_the_note()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Waiting for a choice");
        await ReportAsync(review, TestCatalogue.UniversityA);
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));

        var queue = await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation"));
        var radios = queue.QuerySelectorAll($"#queued-{review} input[name=decision]");
        radios.Select(r => r.GetAttribute("value")).ShouldBe(["Dismiss", "Hide", "Delete"]);
        radios.ShouldAllBe(r => !r.HasAttribute("checked"));

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation");
        var response = await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("note", "Looks like spam to me")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector($"#decision-{review}-error")!.TextContent.ShouldBe("Choose what to do with this review.");
        page.QuerySelector($"#note-{review}")!.GetAttribute("value").ShouldBe("Looks like spam to me");
        page.QuerySelector($"#decision-{review}-Hide")!.GetAttribute("aria-invalid").ShouldBe("true");

        var bogus = await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Obliterate")));
        bogus.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Html.ParseAsync(bogus)).QuerySelector($"#decision-{review}-error")!.TextContent.ShouldBe("Choose what to do with this review.");

        (await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation"))).QuerySelector($"#queued-{review}").ShouldNotBeNull("nothing was decided");
    }

    [Fact]
    public async Task Hide_asks_first_then_the_hidden_review_is_unhidden_with_its_figures_back()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Hidden Then Back");
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Hide me for a while", tags: ["Hideable"]);
        await ReportAsync(review, TestCatalogue.UniversityA);
        (await ReviewCountAsync(module.Id)).ShouldBe(1);
        (await TagCountAsync(module.Id)).ShouldBe(1);
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));
        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation");

        var ask = await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Hide"), ("note", "Off topic")));
        ask.StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmation = await Html.ParseAsync(ask);
        confirmation.QuerySelector("#confirm-heading")!.TextContent.ShouldBe("Hide this review?");
        confirmation.QuerySelector("main")!.TextContent.ShouldContain("Hide me for a while");
        confirmation.QuerySelector("input[name=confirmed]")!.GetAttribute("value").ShouldBe("true");
        confirmation.QuerySelector("input[name=note]")!.GetAttribute("value").ShouldBe("Off topic");
        (await app.CreateClient().GetStringAsync(TestCatalogue.PathOf(module))).ShouldContain("Hide me for a while", customMessage: "not hidden before confirming");

        var hidden = await moderator.PostAsync("/Admin/Moderation?handler=Decide",
            Form(token, ("reviewId", review.ToString()), ("decision", "Hide"), ("note", "Off topic"), ("confirmed", "true")));
        hidden.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateClient().GetStringAsync(TestCatalogue.PathOf(module))).ShouldNotContain("Hide me for a while");
        (await ReviewCountAsync(module.Id)).ShouldBe(0);
        (await TagCountAsync(module.Id)).ShouldBe(0);

        var queue = await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation"));
        queue.QuerySelector(".alert-success")!.TextContent.ShouldBe("The review is hidden.");
        queue.QuerySelector($"#queued-{review}").ShouldBeNull();
        var unhide = queue.QuerySelector($"#hidden-{review} button")!;
        unhide.TextContent.ShouldBe("Un-hide");
        unhide.GetAttribute("aria-label")!.ShouldStartWith($"Un-hide the review of {module.Code} Hidden Then Back");

        var shown = await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Unhide")));
        shown.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.CreateClient().GetStringAsync(TestCatalogue.PathOf(module))).ShouldContain("Hide me for a while");
        (await ReviewCountAsync(module.Id)).ShouldBe(1);
        (await TagCountAsync(module.Id)).ShouldBe(1);
        (await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation"))).QuerySelector($"#hidden-{review}").ShouldBeNull();
    }

    [Fact]
    public async Task A_review_hidden_by_reports_is_offered_un_hide_and_delete_asks_first()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Names a real person");
        await ReportAsync(review, TestCatalogue.UniversityA, ReportReason.IdentifyingInformation);
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));

        var queue = await Html.ParseAsync(await moderator.GetAsync("/Admin/Moderation?culture=cy"));
        queue.QuerySelectorAll($"#queued-{review} input[name=decision]").Select(r => r.GetAttribute("value")).ShouldBe(["Unhide", "Hide", "Delete"]);
        queue.QuerySelector($"label[for=decision-{review}-Unhide]")!.TextContent.ShouldBe("Ei ddad-guddio (gwrthod yr adroddiadau)");

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(moderator, "/Admin/Moderation");
        var ask = await Html.ParseAsync(await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Delete"))));
        ask.QuerySelector("#confirm-heading")!.TextContent.ShouldBe("Delete this review? This cannot be undone.");
        ask.QuerySelector("#confirm-heading ~ form button")!.TextContent.ShouldBe("Yes, delete it");
        (await app.AsAsync(null, sp => sp.GetRequiredService<ReviewsDbContext>().Reviews.AnyAsync(r => r.Id == review))).ShouldBeTrue();

        var deleted = await moderator.PostAsync("/Admin/Moderation?handler=Decide", Form(token, ("reviewId", review.ToString()), ("decision", "Delete"), ("confirmed", "true")));
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.AsAsync(null, sp => sp.GetRequiredService<ReviewsDbContext>().Reviews.AnyAsync(r => r.Id == review))).ShouldBeFalse();
    }

    [Fact]
    public async Task Verify_is_offered_only_on_unverified_tags_and_merge_has_no_preselected_target()
    {
        var verifiedName = "Checked " + Guid.NewGuid().ToString("N")[..6];
        var uncheckedName = "Unchecked " + Guid.NewGuid().ToString("N")[..6];
        await app.WriteReviewAsync(Guid.NewGuid(), app.Catalogue.AddModule(TestCatalogue.UniversityA).Id, tags: [verifiedName, uncheckedName]);
        var tags = await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<TagService>().GetAllAsync());
        var verified = tags.Single(t => t.Name == verifiedName);
        var unverified = tags.Single(t => t.Name == uncheckedName);
        await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), async sp =>
        {
            await sp.GetRequiredService<TagService>().VerifyAsync(verified.Id, TagKind.Topic);
            return true;
        });
        var admin = app.CreateClientAs(Admin);

        var page = await Html.ParseAsync(await admin.GetAsync("/Admin/Moderation/Tags"));
        page.QuerySelector($"#kind-{unverified.Id}").ShouldNotBeNull();
        page.QuerySelector($"#kind-{verified.Id}").ShouldBeNull();
        var verifiedRow = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains(verifiedName, StringComparison.Ordinal));
        verifiedRow.QuerySelectorAll("button").Select(b => b.TextContent).ShouldNotContain("Verify");
        var target = page.QuerySelector($"#target-{unverified.Id}")!;
        target.QuerySelector("option")!.GetAttribute("value").ShouldBe("");
        target.QuerySelectorAll("option[selected]").ShouldBeEmpty();

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(admin, "/Admin/Moderation/Tags");
        var response = await admin.PostAsync("/Admin/Moderation/Tags?handler=Merge", Form(token, ("tagId", unverified.Id.ToString()), ("targetId", "")));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refused = await Html.ParseAsync(response);
        refused.QuerySelector($"#target-{unverified.Id}-error")!.TextContent.ShouldBe("Choose the tag to merge into.");
        refused.QuerySelector($"#target-{unverified.Id}")!.GetAttribute("aria-invalid").ShouldBe("true");
        (await app.AsAsync(TestPrincipals.Admin(Guid.NewGuid()), sp => sp.GetRequiredService<TagService>().GetAllAsync()))
            .Select(t => t.Id).ShouldContain(unverified.Id, "nothing was merged");

        var welsh = await admin.PostAsync("/Admin/Moderation/Tags?handler=Merge&culture=cy", Form(token, ("tagId", unverified.Id.ToString())));
        (await Html.ParseAsync(welsh)).QuerySelector($"#target-{unverified.Id}-error")!.TextContent.ShouldBe("Dewiswch y tag i'w gyfuno ag ef.");
    }

    [Fact]
    public async Task The_reports_and_reviews_lists_write_dates_in_the_readers_language_and_link_to_the_modules_address()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Dated Module");
        var review = await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: "Reported on a known day");
        await ReportAsync(review, TestCatalogue.UniversityA);
        await BackdateAsync(review);
        var moderator = app.CreateClientAs(Moderator(TestCatalogue.UniversityA));

        async Task<AngleSharp.Dom.IElement> ReportRowAsync(string culture) =>
            (await Html.ParseAsync(await moderator.GetAsync($"/Admin/Reports?culture={culture}")))
                .QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Reported on a known day", StringComparison.Ordinal));
        var english = await ReportRowAsync("en");
        english.QuerySelector("time")!.TextContent.ShouldBe("15 March 2025, 09:30 UTC");
        english.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{TestCatalogue.PathOf(module)}#review-{review}");
        (await ReportRowAsync("cy")).QuerySelector("time")!.TextContent.ShouldBe("15 Mawrth 2025, 09:30 UTC");

        async Task<AngleSharp.Dom.IElement> ReviewRowAsync(string culture) =>
            (await Html.ParseAsync(await moderator.GetAsync($"/Admin/Reviews?Module={module.Id}&culture={culture}"))).QuerySelector($"#admin-review-{review}")!;
        var listed = await ReviewRowAsync("en");
        listed.QuerySelector("time")!.TextContent.ShouldBe("14 March 2025");
        listed.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{TestCatalogue.PathOf(module)}#review-{review}");
        (await ReviewRowAsync("cy")).QuerySelector("time")!.TextContent.ShouldBe("14 Mawrth 2025");
    }
}
