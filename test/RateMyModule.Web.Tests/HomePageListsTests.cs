using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;
using RateMyModule.Web.Tests.Performance;

namespace RateMyModule.Web.Tests;

/// <summary>The home page over the demo data: what a visitor, a returning visitor and a student find there.</summary>
public sealed class HomePageListsTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task A_first_visitor_finds_search_every_university_and_the_newest_reviewed_modules()
    {
        var document = await Html.ParseAsync(await site.CreateClient().GetAsync(new Uri("/", UriKind.Relative)));

        var search = document.QuerySelector("main form[role=search]")!;
        search.GetAttribute("method").ShouldBe("get");
        search.GetAttribute("action").ShouldBe("/Catalogue/Search");
        search.QuerySelector("input[name=q]")!.GetAttribute("hx-get").ShouldStartWith("/Catalogue/Search?handler=Suggestions");
        document.QuerySelectorAll("main .university-links a").Select(a => a.GetAttribute("href")).ShouldBe(["/Universities/aber", "/Universities/cardiff", "/Universities/uob"]);
        var recent = ModuleLinks(document, "#recent-heading");
        recent.Count.ShouldBe(5);
        recent.ShouldAllBe(href => href.StartsWith("/Universities/", StringComparison.Ordinal) && href.Contains("/Modules/"));
    }

    [Fact]
    public async Task The_remembered_university_shows_its_most_reviewed_top_rated_and_recent_modules_with_their_figures()
    {
        var aber = await site.UniversityAsync("aber");
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"rmm_university={aber.Id}");

        var document = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        document.QuerySelector("#highlights-heading")!.TextContent.ShouldBe("Modules at Aberystwyth University");
        document.QuerySelector("main form[role=search] input[name=university]")!.GetAttribute("value").ShouldBe(aber.Id.ToString());
        var links = document.QuerySelectorAll("main a[href^='/Universities/aber/Modules/']").Select(a => a.GetAttribute("href")).Distinct().ToList();
        links.Count.ShouldBeGreaterThanOrEqualTo(5);
        foreach (var heading in new[] { "#most-reviewed", "#top-rated", "#recently-reviewed" })
        {
            var items = Items(document, heading);
            items.Count.ShouldBe(5, heading);
            items.ShouldAllBe(li => li.TextContent.Contains("Average") && li.TextContent.Contains("Reviews:"));
        }

        var counts = Items(document, "#most-reviewed").Select(li => Number(li, "Reviews: ")).ToList();
        counts.ShouldBe(counts.OrderByDescending(c => c).ToList());
        var averages = Items(document, "#top-rated").Select(li => Number(li, "Average ")).ToList();
        averages.ShouldBe(averages.OrderByDescending(a => a).ToList());
        document.QuerySelector("a[href='/Universities/aber?sort=top-rated']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_visitors_home_page_is_cached_per_remembered_university()
    {
        var aber = await site.UniversityAsync("aber");
        var cardiff = await site.UniversityAsync("cardiff");
        using var client = site.CreateRecordedClient();
        async Task<HttpResponseMessage> GetAsync(Guid university)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Add("Cookie", $"rmm_university={university}");
            return await client.SendAsync(request);
        }

        await GetAsync(aber.Id);
        using var recorder = SqlCommandRecorder.Start();
        var again = await GetAsync(aber.Id);
        again.Headers.Age.ShouldNotBeNull();
        recorder.Commands.ShouldBeEmpty();

        var other = await Html.ParseAsync(await GetAsync(cardiff.Id));
        other.QuerySelector("#highlights-heading")!.TextContent.ShouldBe("Modules at Cardiff University");
    }

    [Fact]
    public async Task A_university_page_remembers_its_university_for_every_visitor_even_when_served_from_the_cache()
    {
        var aber = await site.UniversityAsync("aber");
        var cardiff = await site.UniversityAsync("cardiff");
        using var client = site.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        site.Server.PreserveExecutionContext = true;
        async Task<HttpResponseMessage> GetAsync(Guid? remembered)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/Universities/aber?sort=hardest");
            if (remembered is { } id)
            {
                request.Headers.Add("Cookie", $"rmm_university={id}");
            }

            return await client.SendAsync(request);
        }

        static string? Remembered(HttpResponseMessage response) =>
            response.Headers.TryGetValues("Set-Cookie", out var cookies)
                ? cookies.Select(c => c.Split(';')[0]).SingleOrDefault(c => c.StartsWith("rmm_university=", StringComparison.Ordinal))
                : null;

        var first = await GetAsync(null);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Remembered(first).ShouldBe($"rmm_university={aber.Id}");

        using var recorder = SqlCommandRecorder.Start();
        var second = await GetAsync(null);
        second.Headers.Age.ShouldNotBeNull("a first visit is cached, with the cookie that remembers the university");
        Remembered(second).ShouldBe($"rmm_university={aber.Id}");
        recorder.Commands.ShouldBeEmpty();

        // A visitor who had another university is never served the copy made for one whose choice already matched.
        (await GetAsync(aber.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var matching = await GetAsync(aber.Id);
        matching.Headers.Age.ShouldNotBeNull();
        Remembered(matching).ShouldBeNull();
        Remembered(await GetAsync(cardiff.Id)).ShouldBe($"rmm_university={aber.Id}");
        Remembered(await GetAsync(cardiff.Id)).ShouldBe($"rmm_university={aber.Id}");
    }

    [Fact]
    public async Task A_student_is_offered_the_modules_of_their_courses_they_have_not_reviewed()
    {
        var uob = await site.UniversityAsync("uob");
        Guid studentId;
        IReadOnlyList<Guid> courses;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<RateMyModule.Accounts.Data.AccountsDbContext>();
            studentId = accounts.Users.Single(u => u.Email == "student@bham.ac.uk").Id;
            courses = await scope.ServiceProvider.GetRequiredService<IAccountLookup>().GetEnrolledCourseIdsAsync(studentId);
        }

        var (_, modules) = await site.CatalogueAsync(uob.Id);
        var expected = modules.Where(m => m.CourseIds.Any(courses.Contains)).ToList();
        using var client = site.CreateClientAs(new TestUser(studentId, "student@bham.ac.uk", [AccountRoles.Student], uob.Id));

        var document = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative)));

        var strip = document.QuerySelector("section.review-your-modules")!;
        strip.QuerySelector("h2")!.TextContent.ShouldBe("Review your modules");
        strip.TextContent.ShouldContain($"not reviewed yet: {expected.Count}.");
        var reviewLinks = strip.QuerySelectorAll("a[href$='/Review']").Select(a => a.GetAttribute("href")).ToList();
        reviewLinks.Count.ShouldBe(Math.Min(expected.Count, 6));
        reviewLinks.ShouldAllBe(href => expected.Any(m => href == $"/Modules/{m.Id}/Review"));
        // The rest are one link away, on "My reviews".
        var all = strip.QuerySelector("a[href='/Account/Manage/Reviews#to-review-heading']");
        if (expected.Count > 6)
        {
            all.ShouldNotBeNull().TextContent.ShouldBe($"All {expected.Count} modules left to review");
        }
        else
        {
            all.ShouldBeNull();
        }

        document.QuerySelector("#highlights-heading")!.TextContent.ShouldBe("Modules at University of Birmingham");
        document.QuerySelector("a[href='/Universities?change=true']").ShouldBeNull("a student's university is their own");
    }

    [Fact]
    public async Task The_sign_in_link_brings_a_visitor_back_to_the_page_they_were_on()
    {
        var document = await Html.ParseAsync(await site.CreateClient().GetAsync(new Uri("/Universities/uob?sort=top-rated", UriKind.Relative)));

        document.QuerySelector("header a[href^='/Account/Login']")!.GetAttribute("href")
            .ShouldBe("/Account/Login?returnUrl=%2FUniversities%2Fuob%3Fsort%3Dtop-rated");
    }

    private static List<IElement> Items(IDocument document, string heading)
        => document.QuerySelector(heading)!.ParentElement!.QuerySelectorAll("ol > li").ToList();

    private static List<string> ModuleLinks(IDocument document, string heading)
        => document.QuerySelector(heading)!.ParentElement!.QuerySelectorAll("ol > li a").Select(a => a.GetAttribute("href")!).ToList();

    private static double Number(IElement item, string label)
    {
        var text = item.TextContent;
        var start = text.IndexOf(label, StringComparison.Ordinal) + label.Length;
        var end = start;
        while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return double.Parse(text[start..end], System.Globalization.CultureInfo.InvariantCulture);
    }
}
