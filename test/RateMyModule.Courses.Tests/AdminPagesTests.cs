using System.Net;
using RateMyModule.Reviews;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Courses.Tests;

public sealed class AdminPagesTests(CoursesWebAppFactory app) : IClassFixture<CoursesWebAppFactory>
{
    [Fact]
    public async Task An_admin_creates_a_course_and_a_module_through_the_forms()
    {
        var university = await app.UniversityAsync("University of Forms", "forms.ac.uk");
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);

        var course = await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Courses/Edit?university={university}", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Form Studies",
            ["Input.StudentType"] = "a form filler",
        });
        course.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var courseUrl = course.Headers.Location!.ToString();
        var courseId = Guid.Parse(courseUrl.Split('/')[^1].Split('?')[0]);

        var module = await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Modules/Edit?university={university}", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "Filling In Forms",
            ["Input.Code"] = "FF-101",
            ["Input.StartedOn"] = "2021-09-20",
            ["Input.CourseIds"] = courseId.ToString(),
        }, multi: ["Input.CourseIds"]);
        module.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var list = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Modules?university={university}", UriKind.Relative)));
        var row = list.QuerySelectorAll("tbody tr").Single();
        row.TextContent.ShouldContain("Filling In Forms");
        row.TextContent.ShouldContain("FF-101");
        row.TextContent.ShouldContain("Form Studies");

        // With a university chosen its courses are offered, and the hint to choose one first is gone.
        list.QuerySelectorAll("#course option").Select(o => o.TextContent).ShouldContain("Form Studies");
        list.QuerySelector("#course-help").ShouldBeNull();
        list.QuerySelector("#course")!.HasAttribute("aria-describedby").ShouldBeFalse();
        var unfiltered = await Html.ParseAsync(await client.GetAsync(new Uri("/Admin/Catalogue/Modules", UriKind.Relative)));
        unfiltered.QuerySelector("#course-help")!.TextContent.ShouldBe("Choose a university first to filter by its courses.");
        unfiltered.QuerySelector("#course")!.GetAttribute("aria-describedby").ShouldBe("course-help");
    }

    [Fact]
    public async Task A_broken_rule_is_shown_on_its_field_in_welsh_and_keeps_what_was_typed()
    {
        var university = await app.UniversityAsync("University of Errors", "errors.ac.uk");
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        client.DefaultRequestHeaders.Add("Accept-Language", "cy");
        var response = await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Courses/Edit?university={university}", "main form[method=post]", new Dictionary<string, string>
        {
            ["Input.Name"] = "CS",
            ["Input.StudentType"] = "a typist",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#name-error")!.TextContent.ShouldBe("Rhaid i'r enw fod rhwng 3 a 60 nod o hyd.");
        page.QuerySelector("input[name='Input.StudentType']")!.GetAttribute("value").ShouldBe("a typist");
        page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value").ShouldBe("CS");
    }

    [Fact]
    public async Task A_save_from_a_stale_form_says_someone_else_changed_it()
    {
        var university = await app.UniversityAsync("University of Races", "races.ac.uk");
        var course = await app.CourseAsync(university, "Racing");
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        var form = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Courses/Edit/{course}", UriKind.Relative)));
        var fields = FormPost.Fields(form.QuerySelector("main form[method=post]")!).ToDictionary(f => f.Key, f => f.Value);

        await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Courses/Edit/{course}", "main form[method=post]", new Dictionary<string, string> { ["Input.Name"] = "Rally Racing" });
        fields["Input.Name"] = "Drag Racing";
        var stale = await client.PostAsync(new Uri($"/Admin/Catalogue/Courses/Edit/{course}?handler=Save", UriKind.Relative), new FormUrlEncodedContent(fields));

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(stale)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("changed by someone else");
    }

    [Fact]
    public async Task Deleting_a_module_with_reviews_is_refused_with_a_message()
    {
        var university = await app.UniversityAsync("University of Reviews", "reviewed.ac.uk");
        var course = await app.CourseAsync(university, "Reviewing");
        var module = await app.ModuleAsync(university, "Reviewed Module", "RV-1", course);
        app.Reviews.Summaries[module] = new ModuleReviewSummary(module, 1, 5);
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        var response = await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Modules/Edit/{module}", "form[action*='handler=Delete']", new Dictionary<string, string>());
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).QuerySelector("[role=alert]")!.TextContent.ShouldContain("This module has reviews");
    }

    [Fact]
    public async Task Deleting_a_module_returns_to_the_list_with_a_message()
    {
        // Issue 13, item 7: it ended on "Page not found" (the delete form posts no module fields, whose rules failed).
        var university = await app.UniversityAsync("University of Endings", "endings.ac.uk");
        var course = await app.CourseAsync(university, "Ending");
        var module = await app.ModuleAsync(university, "Ending Well", "END-1", course);
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);

        var deleted = await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Modules/Edit/{module}", "form[action*='handler=Delete']", new Dictionary<string, string>());

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Catalogue/Modules");
        var list = await client.GetAsync(new Uri($"/Admin/Catalogue/Modules?university={university}", UriKind.Relative));
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(list);
        page.QuerySelector("main [role=status]")!.TextContent.ShouldBe("The module was deleted.");
        page.QuerySelectorAll("tbody tr").ShouldNotContain(row => row.TextContent.Contains("END-1", StringComparison.Ordinal));
        (await client.GetAsync(new Uri($"/Admin/Catalogue/Modules/Edit/{module}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_history_tab_shows_the_change_log()
    {
        var university = await app.UniversityAsync("University of History", "history.ac.uk");
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        await FormPost.SubmitAsync(client, $"/Admin/Catalogue/Universities/Edit/{university}", "main form[method=post]", new Dictionary<string, string> { ["Input.ShortName"] = "Hist" });
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Universities/Edit/{university}?tab=history", UriKind.Relative)));
        var rows = page.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Short name");
        rows[0].TextContent.ShouldContain("Hist");
        rows[0].QuerySelector("time")!.TextContent.ShouldMatch(@"^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}$");

        var welsh = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Universities/Edit/{university}?tab=history&culture=cy", UriKind.Relative)));
        welsh.QuerySelectorAll("tbody tr")[0].TextContent.ShouldContain("Enw byr");
    }

    [Fact]
    public async Task The_module_list_asks_the_reviews_module_once_per_page()
    {
        var university = await app.UniversityAsync("University of Batches", "batches.ac.uk");
        var course = await app.CourseAsync(university, "Batching");
        for (var i = 0; i < 8; i++)
        {
            var module = await app.ModuleAsync(university, $"Batch Module {i}", $"BM-{i}", course);
            app.Reviews.Summaries[module] = new ModuleReviewSummary(module, i, 4);
        }

        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        var before = app.Reviews.Calls;
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Modules?university={university}", UriKind.Relative)));
        (app.Reviews.Calls - before).ShouldBe(1);
        page.QuerySelectorAll("tbody tr").Length.ShouldBe(8);
    }

    [Fact]
    public async Task A_huge_upload_gets_a_clear_message_and_a_good_file_shows_its_preview()
    {
        var university = await app.UniversityAsync("University of Uploads", "uploads.ac.uk");
        var client = app.CreateClientAs(CoursesWebAppFactory.Admin);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/Admin/Catalogue/Import?university={university}", UriKind.Relative)));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<AngleSharp.Dom.IDocument> UploadAsync(byte[] bytes)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(university.ToString()), "university" },
                { new ByteArrayContent(bytes), "Upload", "catalogue.csv" },
            };
            var response = await client.PostAsync(new Uri("/Admin/Catalogue/Import?handler=Preview", UriKind.Relative), form);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return await Html.ParseAsync(response);
        }

        var huge = await UploadAsync(new byte[(1024 * 1024) + 1]);
        huge.QuerySelector("#file-error")!.TextContent.ShouldBe("The file is too large: the limit is 1024 KB.");

        var good = await UploadAsync(System.Text.Encoding.UTF8.GetBytes("course,student_type,module_code,module_name,module_started_on\nUploading,an uploader,UL-1,Uploads,2020-09-01\n"));
        good.QuerySelector("[role=status]")!.TextContent.ShouldContain("1 lines read");
        good.QuerySelector("form[action*='handler=Confirm'] textarea[name=Text]")!.TextContent.ShouldContain("UL-1");
    }
}
