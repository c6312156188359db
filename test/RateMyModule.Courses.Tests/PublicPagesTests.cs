using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Courses.Tests;

public sealed class PublicPagesTests(CoursesWebAppFactory app) : IClassFixture<CoursesWebAppFactory>
{
    [Fact]
    public async Task A_visitors_pick_is_remembered_and_a_student_sees_their_own_university()
    {
        var picked = await app.UniversityAsync("University of Picking", "picking.ac.uk");
        var own = await app.UniversityAsync("University of Owning", "owning.ac.uk");
        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var choose = await FormPost.SubmitAsync(visitor, "/Universities", "main form[method=post]", new Dictionary<string, string> { ["University"] = picked.ToString() });
        var pickedPath = CataloguePaths.University((await app.ArrangeAsync(sp => sp.GetRequiredService<ICatalogueLookup>().GetUniversityAsync(picked)))!);
        choose.Headers.Location!.ToString().ShouldBe(pickedPath);
        var again = await visitor.GetAsync(new Uri("/Universities", UriKind.Relative));
        again.Headers.Location!.ToString().ShouldBe(pickedPath);

        // A moderator, not a student: a student without a course is first sent to pick one (Accounts module).
        var student = app.CreateClientAs(new TestUser(Guid.NewGuid(), "s@owning.ac.uk", ["Moderator"], own));
        var ownPath = CataloguePaths.University((await app.ArrangeAsync(sp => sp.GetRequiredService<ICatalogueLookup>().GetUniversityAsync(own)))!);
        (await student.GetAsync(new Uri("/Universities", UriKind.Relative))).Headers.Location!.ToString().ShouldBe(ownPath);
    }

    [Fact]
    public async Task The_university_page_lists_courses_and_modules_at_their_addresses_and_hides_archived_ones()
    {
        var university = await app.UniversityAsync("University of Listing", "listing.ac.uk");
        var course = await app.CourseAsync(university, "Listing Studies");
        await app.ModuleAsync(university, "Shown Module", "LS 1/A", course);
        var archived = await app.ModuleAsync(university, "Archived Module", "LS-2", course);
        await app.ArrangeAsync(async sp =>
        {
            await sp.GetRequiredService<ModuleAppService>().ArchiveAsync(archived, null);
            return true;
        });
        var dto = (await app.ArrangeAsync(sp => sp.GetRequiredService<ICatalogueLookup>().GetUniversityAsync(university)))!;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var old = await client.GetAsync(new Uri($"/Universities/{university}", UriKind.Relative));
        old.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        old.Headers.Location!.ToString().ShouldBe(CataloguePaths.University(dto));
        var page = await Html.ParseAsync(await client.GetAsync(old.Headers.Location));
        var path = CataloguePaths.Module(dto.ShortName, "LS 1/A");
        path.ShouldEndWith("/Modules/LS%201%2FA");
        var link = page.QuerySelector($"a[href='{path}']");
        link.ShouldNotBeNull();
        link.Closest("tr")!.TextContent.ShouldContain("LS 1/A");
        page.QuerySelectorAll("a").ShouldNotContain(a => a.TextContent == "Archived Module");
        page.QuerySelector("main section h2")!.TextContent.ShouldBe("Listing Studies");
        // A code with a space and a slash still finds its module page.
        (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Module_search_finds_by_name_or_code_as_a_page_and_as_an_htmx_fragment()
    {
        var university = await app.UniversityAsync("University of Searching", "searching.ac.uk");
        var course = await app.CourseAsync(university, "Search Studies");
        await app.ModuleAsync(university, "Quantum Searching", "QS-1", course);
        await app.ModuleAsync(university, "Something Else", "QSX-9", course);
        var client = app.CreateClient();

        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Catalogue/Search?q=quantum&university={university}", UriKind.Relative)));
        var searching = (await app.ArrangeAsync(sp => sp.GetRequiredService<ICatalogueLookup>().GetUniversityAsync(university)))!;
        page.QuerySelectorAll("main a[href*='/Modules/']").Select(a => a.GetAttribute("href")).ShouldBe([CataloguePaths.Module(searching.ShortName, "QS-1")]);

        // The results page keeps the query in the box, and loads the script that lets ↓ move into the suggestions.
        page.QuerySelector("#module-search")!.GetAttribute("value").ShouldBe("quantum");
        page.QuerySelector("script[src^='/_content/RateMyModule.Courses.Web/js/module-search.js']").ShouldNotBeNull();

        var fragment = await client.GetAsync(new Uri($"/Catalogue/Search?handler=Suggestions&q=qsx&university={university}", UriKind.Relative));
        fragment.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await fragment.Content.ReadAsStringAsync();
        html.ShouldNotContain("<html");
        html.ShouldContain(CataloguePaths.Module(searching.ShortName, "QSX-9"));
        html.ShouldNotContain("Quantum Searching");
    }

    [Fact]
    public async Task An_unknown_university_page_is_not_found()
    {
        (await app.CreateClient().GetAsync(new Uri($"/Universities/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.CreateClient().GetAsync(new Uri("/Universities/nosuch", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
