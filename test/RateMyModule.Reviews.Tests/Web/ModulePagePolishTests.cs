using System.Net;
using RateMyModule.Courses;
using RateMyModule.Reviews.Tests.Fakes;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>
/// The module page leads somewhere: breadcrumbs, the way to review for each kind of reader, a clear message for a
/// bad year range, rating scales that say what 1 and 5 mean, confirmations, and "More reviews" as an append.
/// </summary>
public sealed class ModulePagePolishTests(ReviewsWebFactory app) : IClassFixture<ReviewsWebFactory>
{
    private static TestUser Student(Guid? id = null) => new(id ?? Guid.NewGuid(), "student@aberdyfi.ac.uk", ["Student"], TestCatalogue.UniversityA);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    [Fact]
    public async Task Breadcrumbs_lead_to_the_university_and_the_modules_course()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, "Breadcrumbed");
        var page = await Html.ParseAsync(await app.CreateClient().GetAsync(TestCatalogue.PathOf(module)));

        var crumbs = page.QuerySelectorAll("nav[aria-label=Breadcrumb] li");
        crumbs.Length.ShouldBe(3);
        crumbs[0].QuerySelector("a")!.GetAttribute("href").ShouldBe(CataloguePaths.University("UoA"));
        crumbs[0].TextContent.Trim().ShouldBe("University of Aberdyfi");
        crumbs[1].QuerySelector("a")!.GetAttribute("href").ShouldBe($"{CataloguePaths.University("UoA")}#course-{TestCatalogue.CourseA}");
        crumbs[1].TextContent.Trim().ShouldBe("Computer Science");
        crumbs[2].GetAttribute("aria-current").ShouldBe("page");
        crumbs[2].TextContent.ShouldBe(module.Code);
    }

    [Fact]
    public async Task A_visitor_is_offered_to_sign_in_to_review_and_comes_back_to_the_form()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var page = await Html.ParseAsync(await app.CreateClient().GetAsync(TestCatalogue.PathOf(module)));

        var link = page.QuerySelectorAll("header.module-header a").Single(a => a.TextContent == "Sign in to review");
        link.GetAttribute("href").ShouldBe($"/Account/Login?returnUrl=%2FModules%2F{module.Id}%2FReview");
    }

    [Fact]
    public async Task A_student_outside_the_modules_courses_is_told_why_on_the_page_and_on_the_form()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var outsider = Guid.NewGuid();
        app.Accounts.Blocked[outsider] = true;
        var client = app.CreateClientAs(Student(outsider));

        var page = await Html.ParseAsync(await client.GetAsync($"{TestCatalogue.PathOf(module)}?culture=cy"));
        page.QuerySelector(".review-eligibility")!.TextContent.ShouldContain("Gallwch adolygu modiwlau eich cyrsiau.");
        page.QuerySelectorAll("header.module-header a").Select(a => a.TextContent).ShouldNotContain("Ysgrifennu adolygiad");

        var form = await client.GetAsync($"/Modules/{module.Id}/Review");
        form.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var formPage = await Html.ParseAsync(form);
        formPage.QuerySelector("main [role=status]")!.TextContent.ShouldContain("You can review modules of your courses. This module is not part of the courses you are on.");
        formPage.QuerySelector("main a[href='/Account/Manage/Courses']").ShouldNotBeNull();
        formPage.QuerySelector("form.review-form").ShouldBeNull();
    }

    [Fact]
    public async Task A_from_year_later_than_the_to_year_says_so_by_the_field()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA, startedOn: new DateOnly(2019, 9, 1));
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, year: 2020);
        await app.WriteReviewAsync(Guid.NewGuid(), module.Id, year: 2023);

        var response = await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}?from=2023&to=2020");
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#trend-range-error")!.TextContent.ShouldBe("“From” must be the same year as “To” or an earlier one.");
        page.QuerySelector("#trend-from")!.GetAttribute("aria-describedby").ShouldBe("trend-range-error");
        page.QuerySelector("#trend-from")!.GetAttribute("aria-invalid").ShouldBe("true");

        // htmx swaps only a 2xx answer: the trend fragment carries the message with a 200.
        var request = new HttpRequestMessage(HttpMethod.Get, $"{TestCatalogue.PathOf(module)}?from=2023&to=2020&culture=cy");
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "trend");
        var fragment = await app.CreateClient().SendAsync(request);
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(fragment)).QuerySelector("#trend-range-error")!.TextContent.ShouldBe("Rhaid i “O” fod yr un flwyddyn ag “I” neu un gynharach.");

        var fine = await Html.ParseAsync(await app.CreateClient().GetAsync($"{TestCatalogue.PathOf(module)}?from=2020&to=2023"));
        fine.QuerySelector("#trend-range-error")!.TextContent.ShouldBeEmpty();
    }

    [Fact]
    public async Task Rating_scales_say_what_one_and_five_mean_on_the_form_and_the_charts()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var form = await Html.ParseAsync(await app.CreateClientAs(Student()).GetAsync($"/Modules/{module.Id}/Review"));
        form.QuerySelector("#Input_Difficulty-scale")!.TextContent.ShouldBe("1 = very easy, 5 = very hard");
        form.QuerySelector("#Input_Overall-scale")!.TextContent.ShouldBe("1 = very poor, 5 = excellent");
        form.QuerySelector("#Input_Difficulty-1")!.Closest("fieldset")!.GetAttribute("aria-describedby").ShouldBe("Input_Difficulty-scale Input_Difficulty-error");

        var page = await Html.ParseAsync(await app.CreateClient().GetAsync(TestCatalogue.PathOf(module)));
        page.QuerySelector("#dist-Difficulty-caption")!.TextContent.ShouldContain("1 = very easy, 5 = very hard");
    }

    [Fact]
    public async Task Publishing_editing_and_deleting_a_review_each_confirm_on_the_module_page()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        var client = app.CreateClientAs(Student());
        var url = $"/Modules/{module.Id}/Review";

        var token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);
        var published = await client.PostAsync(url, Form(token, ("Input.Overall", "4"), ("Input.AcademicYear", "2024")));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await Html.ParseAsync(await client.GetAsync(TestCatalogue.PathOf(module)));
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your review is published. Thank you!");

        var form = await Html.ParseAsync(await client.GetAsync(url));
        var reviewId = form.QuerySelector("input[name='Input.ReviewId']")!.GetAttribute("value")!;
        token = await ReviewsWebFactory.AntiforgeryTokenAsync(client, url);
        (await client.PostAsync(url, Form(token, ("Input.ReviewId", reviewId), ("Input.Overall", "2"), ("Input.AcademicYear", "2024")))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await Html.ParseAsync(await client.GetAsync(TestCatalogue.PathOf(module)));
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your changes are saved.");

        (await client.PostAsync($"{url}?handler=Delete", Form(token, ("reviewId", reviewId)))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await Html.ParseAsync(await client.GetAsync(TestCatalogue.PathOf(module)));
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your review is deleted.");
        page = await Html.ParseAsync(await client.GetAsync(TestCatalogue.PathOf(module)));
        page.QuerySelector("main [role=status]").ShouldBeNull("a confirmation shows once");
    }

    [Fact]
    public async Task More_reviews_asks_htmx_to_append_the_next_page_and_still_works_as_a_link()
    {
        var module = app.Catalogue.AddModule(TestCatalogue.UniversityA);
        for (var i = 0; i < 25; i++)
        {
            await app.WriteReviewAsync(Guid.NewGuid(), module.Id, text: $"Review number {i}");
        }

        var page = await Html.ParseAsync(await app.CreateClient().GetAsync(TestCatalogue.PathOf(module)));
        var more = page.QuerySelector("#review-pager a[rel=next]")!;
        more.GetAttribute("href").ShouldStartWith($"{TestCatalogue.PathOf(module)}?after=");
        more.GetAttribute("hx-target").ShouldBe("#review-items");
        more.GetAttribute("hx-swap").ShouldBe("beforeend");
        more.GetAttribute("hx-select").ShouldBe("#review-items > li");
        more.GetAttribute("hx-select-oob").ShouldBe("#review-pager");
        var firstTexts = page.QuerySelectorAll("#review-items .review-text").Select(e => e.TextContent).ToList();

        // The htmx request names the list as its target: the fragment has the next items and a pager without "First page".
        var request = new HttpRequestMessage(HttpMethod.Get, more.GetAttribute("href"));
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("HX-Target", "review-items");
        var fragment = await Html.ParseAsync(await app.CreateClient().SendAsync(request));
        fragment.QuerySelector("#reviews").ShouldNotBeNull();
        var nextTexts = fragment.QuerySelectorAll("#review-items .review-text").Select(e => e.TextContent).ToList();
        nextTexts.Count.ShouldBe(firstTexts.Count, "a full second page of the 25");
        nextTexts.Intersect(firstTexts).ShouldBeEmpty();
        fragment.QuerySelectorAll("#review-pager a").Select(a => a.TextContent).ShouldNotContain("First page");

        // Without JavaScript the link opens the next page, which offers the way back to the first.
        var next = await Html.ParseAsync(await app.CreateClient().GetAsync(more.GetAttribute("href")));
        next.QuerySelectorAll("#review-pager a").Select(a => a.TextContent).ShouldContain("First page");
    }
}
