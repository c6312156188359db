using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using RateMyModule.Courses;
using RateMyModule.TestBase;
using RateMyModule.Web.Tests.Performance;

namespace RateMyModule.Web.Tests;

/// <summary>Module and university addresses (old ones redirect) and the university page's rankings, over the demo data.</summary>
public sealed class AddressesAndRankingsTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    [Fact]
    public async Task Old_id_addresses_answer_301_with_the_new_address_and_keep_the_query()
    {
        var aber = await site.UniversityAsync("aber");
        var module = (await site.CatalogueAsync(aber.Id)).Modules[0];
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });

        var moduleAnswer = await client.GetAsync(new Uri($"/Modules/{module.Id}?sort=Highest", UriKind.Relative));
        moduleAnswer.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        moduleAnswer.Headers.Location!.ToString().ShouldBe($"/Universities/aber/Modules/{module.Code}?sort=Highest");

        var universityAnswer = await client.GetAsync(new Uri($"/Universities/{aber.Id}", UriKind.Relative));
        universityAnswer.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        universityAnswer.Headers.Location!.ToString().ShouldBe("/Universities/aber");

        var otherSpelling = await client.GetAsync(new Uri($"/Universities/ABER/Modules/{module.Code.ToLowerInvariant()}", UriKind.Relative));
        otherSpelling.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        otherSpelling.Headers.Location!.ToString().ShouldBe($"/Universities/aber/Modules/{module.Code}");
    }

    [Fact]
    public async Task The_module_and_university_pages_answer_at_their_addresses_with_a_canonical_link()
    {
        var uob = await site.UniversityAsync("uob");
        var module = (await site.CatalogueAsync(uob.Id)).Modules[0];
        using var client = site.CreateClient(new() { AllowAutoRedirect = false });
        var path = CataloguePaths.Module(uob, module);
        path.ShouldBe($"/Universities/uob/Modules/{module.Code}");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe($"http://localhost{path}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(module.Name);
        // The filters and the htmx fragments ask the same address.
        page.QuerySelector("form.review-filters")!.GetAttribute("hx-get").ShouldBe(path);
        var fragment = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "HX-Request", "true" }, { "HX-Target", "reviews" } } });
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fragment.Content.ReadAsStringAsync()).ShouldNotContain("<html");

        var university = await Html.ParseAsync(await client.GetAsync(new Uri("/Universities/uob", UriKind.Relative)));
        university.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe("http://localhost/Universities/uob");
        university.QuerySelectorAll("main table a").ShouldAllBe(a => a.GetAttribute("href")!.StartsWith("/Universities/uob/Modules/", StringComparison.Ordinal));

        (await client.GetAsync(new Uri("/Universities/uob/Modules/NO-SUCH-CODE", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("/Universities/nowhere", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri($"/Universities/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("most-reviewed", 0, true)]
    [InlineData("top-rated", 1, true)]
    [InlineData("hardest", 2, true)]
    [InlineData("easiest", 2, false)]
    [InlineData("best-teaching", 4, true)]
    public async Task Each_course_of_the_university_page_is_ranked_by_the_chosen_sort(string sort, int column, bool highestFirst)
    {
        var page = await Html.ParseAsync(await site.CreateClient().GetAsync(new Uri($"/Universities/uob?sort={sort}", UriKind.Relative)));

        page.QuerySelector("nav .sort-links a[aria-current=true]")!.GetAttribute("href").ShouldBe($"/Universities/uob?sort={sort}");
        var sections = page.QuerySelectorAll("main section").ToList();
        sections.Count.ShouldBe(7, "one per course");
        var ranked = 0;
        foreach (var section in sections)
        {
            var values = section.QuerySelectorAll("tbody tr").Select(row => Cell(row, column)).ToList();
            values.ShouldBe(highestFirst ? values.OrderByDescending(v => v).ToList() : values.OrderBy(v => v).ToList(), section.QuerySelector("h2")!.TextContent);
            ranked += values.Count;
        }

        ranked.ShouldBeGreaterThan(20, "most demo modules have enough ratings to be ranked");
    }

    [Fact]
    public async Task One_courses_view_is_a_shareable_url_with_its_modules_only_and_a_bad_cursor_starts_at_the_top()
    {
        var uob = await site.UniversityAsync("uob");
        var (courses, modules) = await site.CatalogueAsync(uob.Id);
        var physics = courses.Single(c => c.Name == "Physics");
        var ofPhysics = modules.Where(m => m.CourseIds.Contains(physics.Id)).Select(m => CataloguePaths.Module(uob, m)).ToHashSet();
        var client = site.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Universities/uob?sort=top-rated&course={physics.Id}", UriKind.Relative)));

        page.QuerySelector("#course-heading")!.TextContent.ShouldBe("Physics");
        var links = page.QuerySelectorAll("main section a[href^='/Universities/uob/Modules/']").Select(a => a.GetAttribute("href")!).ToList();
        links.ToHashSet().ShouldBe(ofPhysics, ignoreOrder: true);
        page.QuerySelector("#course-filter option[selected]")!.GetAttribute("value").ShouldBe(physics.Id.ToString());
        page.QuerySelector("a[href='/Universities/uob?sort=top-rated']")!.TextContent.ShouldBe("All courses");

        var tampered = await client.GetAsync(new Uri($"/Universities/uob?sort=top-rated&course={physics.Id}&after=garbage", UriKind.Relative));
        tampered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri($"/Universities/uob?course={Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_university_page_is_in_welsh_too()
    {
        var client = site.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/Universities/aber?sort=hardest&culture=cy", UriKind.Relative)));

        page.QuerySelector("nav .sort-links a[aria-current=true]")!.TextContent.ShouldBe("Anoddaf");
        page.QuerySelector("main thead th:nth-child(4)")!.TextContent.ShouldBe("Anhawster");
    }

    /// <summary>The number in a ranking row's figure column (0 reviews, 1 overall, 2 difficulty, 3 assessment, 4 teaching).</summary>
    private static double Cell(IElement row, int column)
    {
        var text = row.QuerySelectorAll("td")[column].TextContent.Trim();
        return text == "–" ? double.NaN : double.Parse(text, CultureInfo.InvariantCulture);
    }
}
