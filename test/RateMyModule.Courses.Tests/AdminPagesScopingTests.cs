using System.Net;
using System.Net.Http.Json;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Courses.Tests;

public sealed class AdminPagesScopingTests(CoursesWebAppFactory app) : IClassFixture<CoursesWebAppFactory>
{
    [Fact]
    public async Task A_university_admin_gets_404_for_every_page_form_post_and_api_call_about_another_university()
    {
        var a = await app.UniversityAsync("University of Aye", "aye.ac.uk");
        var b = await app.UniversityAsync("University of Bee", "bee.ac.uk");
        var courseA = await app.CourseAsync(a, "Aye Course");
        var courseB = await app.CourseAsync(b, "Bee Course");
        var moduleB = await app.ModuleAsync(b, "Bee Module", "BEE-1", courseB);
        var client = app.CreateClientAs(CoursesWebAppFactory.UniversityAdminOf(a));

        // A token from one of A's own forms, so that the posts below fail on scope, not on antiforgery.
        var own = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Courses/Edit/{courseA}", UriKind.Relative)));
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var pages = new[]
        {
            $"/Admin/Catalogue/Universities/Edit/{b}",
            $"/Admin/Catalogue/Universities/Edit/{b}?tab=history",
            $"/Admin/Catalogue/Courses?university={b}",
            $"/Admin/Catalogue/Courses/Edit/{courseB}",
            $"/Admin/Catalogue/Courses/Edit/{courseB}?tab=history",
            $"/Admin/Catalogue/Modules?university={b}",
            $"/Admin/Catalogue/Modules/Edit/{moduleB}",
            $"/Admin/Catalogue/Modules/Edit/{moduleB}?tab=history",
            $"/Admin/Catalogue/Modules/Edit?university={b}",
        };
        foreach (var url in pages)
        {
            (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var posts = new (string Url, Dictionary<string, string> Fields)[]
        {
            ($"/Admin/Catalogue/Universities/Edit/{b}?handler=Save", new() { ["Input.Name"] = "Stolen", ["Input.ShortName"] = "ST", ["Input.EmailDomain"] = "st.ac.uk", ["Input.FoundedOn"] = "2000-01-01" }),
            ($"/Admin/Catalogue/Universities/Edit/{b}?handler=Archive", []),
            ($"/Admin/Catalogue/Universities/Edit/{b}?handler=Delete", []),
            ($"/Admin/Catalogue/Courses/Edit?handler=Save", new() { ["university"] = b.ToString(), ["Input.Name"] = "Intruder", ["Input.StudentType"] = "an intruder" }),
            ($"/Admin/Catalogue/Courses/Edit/{courseB}?handler=Save", new() { ["Input.Name"] = "Intruder", ["Input.StudentType"] = "an intruder" }),
            ($"/Admin/Catalogue/Courses/Edit/{courseB}?handler=Archive", []),
            ($"/Admin/Catalogue/Courses/Edit/{courseB}?handler=Restore", []),
            ($"/Admin/Catalogue/Courses/Edit/{courseB}?handler=Delete", []),
            ($"/Admin/Catalogue/Modules/Edit?handler=Save", new() { ["university"] = b.ToString(), ["Input.Name"] = "Intruder", ["Input.Code"] = "X", ["Input.StartedOn"] = "2020-01-01", ["Input.CourseIds"] = courseB.ToString() }),
            ($"/Admin/Catalogue/Modules/Edit/{moduleB}?handler=Save", new() { ["Input.Name"] = "Intruder", ["Input.Code"] = "X", ["Input.StartedOn"] = "2020-01-01", ["Input.CourseIds"] = courseB.ToString() }),
            ($"/Admin/Catalogue/Modules/Edit/{moduleB}?handler=Archive", []),
            ($"/Admin/Catalogue/Modules/Edit/{moduleB}?handler=Restore", []),
            ($"/Admin/Catalogue/Modules/Edit/{moduleB}?handler=Delete", []),
        };
        foreach (var (url, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }

        var api = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Put, $"/api/v1/universities/{b}", new { name = "Stolen", shortName = "ST", emailDomain = "st.ac.uk", foundedOn = "2000-01-01" }),
            (HttpMethod.Post, $"/api/v1/universities/{b}/archive", new { }),
            (HttpMethod.Post, $"/api/v1/universities/{b}/restore", new { }),
            (HttpMethod.Post, "/api/v1/courses", new { universityId = b, name = "Intruder", studentType = "an intruder" }),
            (HttpMethod.Put, $"/api/v1/courses/{courseB}", new { universityId = b, name = "Intruder", studentType = "an intruder" }),
            (HttpMethod.Post, $"/api/v1/courses/{courseB}/archive", new { }),
            (HttpMethod.Post, $"/api/v1/courses/{courseB}/restore", new { }),
            (HttpMethod.Post, "/api/v1/modules", new { universityId = b, name = "Intruder", code = "X", startedOn = "2020-01-01", courseIds = new[] { courseB } }),
            (HttpMethod.Put, $"/api/v1/modules/{moduleB}", new { universityId = b, name = "Intruder", code = "X", startedOn = "2020-01-01", courseIds = new[] { courseB } }),
            (HttpMethod.Post, $"/api/v1/modules/{moduleB}/archive", new { }),
            (HttpMethod.Post, $"/api/v1/modules/{moduleB}/restore", new { }),
        };
        foreach (var (method, url, body) in api)
        {
            var response = await client.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = JsonContent.Create(body) });
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{method} {url}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", url);
        }

        // Their own university's pages work.
        (await client.GetAsync(new Uri($"/Admin/Catalogue/Courses/Edit/{courseA}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(new Uri("/Admin/Catalogue/Modules", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
