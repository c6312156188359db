using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueApiTests(CoursesWebAppFactory app) : IClassFixture<CoursesWebAppFactory>
{
    [Fact]
    public async Task Everyone_reads_universities_courses_and_modules_with_filters()
    {
        var university = await app.UniversityAsync("University of Reading", "reading-api.ac.uk");
        var course = await app.CourseAsync(university, "Reading Studies");
        var other = await app.CourseAsync(university, "Writing Studies");
        var module = await app.ModuleAsync(university, "Speed Reading", "RD-1", course);
        await app.ModuleAsync(university, "Calligraphy", "WR-1", other);
        var anonymous = app.CreateClient();

        var universities = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/universities", UriKind.Relative));
        universities.EnumerateArray().ShouldContain(u => u.GetProperty("id").GetGuid() == university);
        var courses = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/courses?universityId={university}&q=read", UriKind.Relative));
        courses.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldBe([course]);
        var modules = await anonymous.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/modules?universityId={university}&courseId={course}", UriKind.Relative));
        modules.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([module]);
        (await anonymous.GetAsync(new Uri($"/api/v1/modules/{Guid.NewGuid()}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Writes_need_the_permission_and_broken_rules_are_problem_details_on_the_field()
    {
        var university = await app.UniversityAsync("University of Writing", "writing-api.ac.uk");
        var course = await app.CourseAsync(university, "Penmanship");
        var body = new { universityId = university, name = "Ink", code = "PN-1", startedOn = "2020-09-01", courseIds = new[] { course } };

        var student = app.CreateClientAs(new TestUser(Guid.NewGuid(), "s@writing-api.ac.uk", ["Student"], university));
        var refused = await student.PostAsJsonAsync(new Uri("/api/v1/modules", UriKind.Relative), body);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var admin = app.CreateClientAs(CoursesWebAppFactory.Admin);
        var created = await admin.PostAsJsonAsync(new Uri("/api/v1/modules", UriKind.Relative), body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var duplicate = await admin.PostAsJsonAsync(new Uri("/api/v1/modules", UriKind.Relative), body);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        duplicate.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("code")[0].GetString().ShouldBe("This university already has a module with this code.");

        var item = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = item.GetProperty("item").GetProperty("id").GetGuid();
        var stamp = item.GetProperty("concurrencyStamp").GetString();
        var first = new { universityId = university, name = "Ink One", code = "PN-1", startedOn = "2020-09-01", courseIds = new[] { course }, concurrencyStamp = stamp };
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/modules/{id}", UriKind.Relative), first)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var lost = new { universityId = university, name = "Ink Two", code = "PN-1", startedOn = "2020-09-01", courseIds = new[] { course }, concurrencyStamp = stamp };
        (await admin.PutAsJsonAsync(new Uri($"/api/v1/modules/{id}", UriKind.Relative), lost)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_400_naming_it_and_nothing_is_created()
    {
        var university = await app.UniversityAsync("University of Omission", "omission-api.ac.uk");
        var course = await app.CourseAsync(university, "Leaving Out");
        var admin = app.CreateClientAs(CoursesWebAppFactory.Admin);

        var noStart = await admin.PostAsJsonAsync(new Uri("/api/v1/modules", UriKind.Relative),
            new { universityId = university, name = "Forgetting", code = "OM-1", courseIds = new[] { course } });
        noStart.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noStart.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await noStart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("startedOn")[0].GetString().ShouldBe("startedOn is required.");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["startedOn"]);
        var listed = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/modules?universityId={university}", UriKind.Relative));
        listed.GetProperty("items").GetArrayLength().ShouldBe(0);

        var empty = await admin.PostAsJsonAsync(new Uri("/api/v1/universities", UriKind.Relative), new { });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["name", "shortName", "emailDomain", "foundedOn"], ignoreOrder: true);
        var noUniversity = await admin.PostAsJsonAsync(new Uri("/api/v1/courses", UriKind.Relative), new { name = "Orphans", studentType = "an orphan" });
        (await noUniversity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("universityId")[0].GetString()
            .ShouldBe("universityId is required.");

        var welsh = await admin.PostAsJsonAsync(new Uri("/api/v1/modules?culture=cy", UriKind.Relative),
            new { universityId = university, name = "Forgetting", code = "OM-1", courseIds = new[] { course } });
        (await welsh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("startedOn")[0].GetString().ShouldBe("Mae angen startedOn.");
    }
}
