using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

public sealed class ManageAccountTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Manage-pass-2026";

    [Fact]
    public async Task The_last_course_cannot_be_removed()
    {
        await factory.CreateUserAsync("last@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var client = await factory.SignInAsync("last@bham.ac.uk", Password);
        var page = await client.GetPageAsync("/Account/Manage/Courses");
        page.QuerySelector($"main input[value='{TestCatalogue.Physics.Id}']")!.HasAttribute("checked").ShouldBeTrue();

        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["CourseIds"] = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).QuerySelector("#courses-error")!.TextContent.ShouldContain("at least one course");
        (await CoursesOf("last@bham.ac.uk")).ShouldBe([TestCatalogue.Physics.Id]);
    }

    [Fact]
    public async Task Only_courses_of_the_students_university_can_be_picked()
    {
        await factory.CreateUserAsync("foreign@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var client = await factory.SignInAsync("foreign@bham.ac.uk", Password);
        var page = await client.GetPageAsync("/Account/Manage/Courses");
        var response = await client.SubmitAsync(page, new Dictionary<string, string> { ["CourseIds"] = TestCatalogue.Welsh.Id.ToString() });
        (await Html.ParseAsync(response)).QuerySelector("#courses-error")!.TextContent.ShouldContain("own university");
        (await CoursesOf("foreign@bham.ac.uk")).ShouldBe([TestCatalogue.Physics.Id]);

        var both = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Courses"), new Dictionary<string, string>
        {
            ["CourseIds"] = $"{TestCatalogue.Physics.Id}\n{TestCatalogue.Mathematics.Id}",
        });
        both.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CoursesOf("foreign@bham.ac.uk")).Order().ShouldBe(new[] { TestCatalogue.Physics.Id, TestCatalogue.Mathematics.Id }.Order());
    }

    [Fact]
    public async Task Download_my_data_has_the_account_enrolments_and_every_modules_section()
    {
        var id = await factory.CreateUserAsync("data@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.ComputerScience.Id);
        var client = await factory.SignInAsync("data@bham.ac.uk", Password);
        var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/PersonalData"), new Dictionary<string, string>());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("account").GetProperty("email").GetString().ShouldBe("data@bham.ac.uk");
        json.RootElement.GetProperty("account").GetProperty("roles")[0].GetString().ShouldBe(AccountRoles.Student);
        json.RootElement.GetProperty("enrolments")[0].GetProperty("courseId").GetGuid().ShouldBe(TestCatalogue.ComputerScience.Id);
        json.RootElement.GetProperty("reviews")[0].GetProperty("userId").GetGuid().ShouldBe(id);
    }

    [Fact]
    public async Task Deleting_needs_the_password_publishes_the_event_removes_the_account_and_signs_out()
    {
        var id = await factory.CreateUserAsync("leaving@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.ComputerScience.Id);
        var client = await factory.SignInAsync("leaving@bham.ac.uk", Password);

        var wrong = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Delete"), new Dictionary<string, string> { ["Password"] = "Not-my-pass-1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        factory.Deleted.UserIds.ShouldNotContain(id);
        (await FindAsync("leaving@bham.ac.uk")).ShouldNotBeNull();

        var deleted = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Delete"), new Dictionary<string, string> { ["Password"] = Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        factory.Deleted.UserIds.ShouldContain(id);
        (await FindAsync("leaving@bham.ac.uk")).ShouldBeNull();
        (await CoursesOf(id)).ShouldBeEmpty();
        (await client.Http.GetAsync("/Account/Manage")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_new_email_must_pass_the_rules_and_changes_only_once_confirmed()
    {
        await factory.CreateUserAsync("mover@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.ComputerScience.Id);
        var client = await factory.SignInAsync("mover@bham.ac.uk", Password);

        var free = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Email"), ChangeTo("mover@hotmail.com"));
        (await Html.ParseAsync(free)).QuerySelector("#email-error")!.TextContent.ShouldContain("Free and disposable");
        var elsewhere = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Email"), ChangeTo("mover@cardiff.ac.uk"));
        (await Html.ParseAsync(elsewhere)).QuerySelector("#email-error")!.TextContent.ShouldContain("your own university");

        await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Email"), ChangeTo("mover@cs.bham.ac.uk"));
        (await FindAsync("mover@bham.ac.uk")).ShouldNotBeNull("the old address stays until the new one is confirmed");
        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "mover@cs.bham.ac.uk", "Confirm your new RateMyModule email address");
        await client.GetPageAsync(FormClient.LinkIn(mail));
        (await FindAsync("mover@bham.ac.uk")).ShouldBeNull();
        (await FindAsync("mover@cs.bham.ac.uk"))!.UserName.ShouldBe("mover@cs.bham.ac.uk");

        // The old address hears of it, with the way back (a password reset) if it was not its owner.
        var notice = await FormClient.WaitForEmailAsync(factory.Smtp, "mover@bham.ac.uk", "e-mail address was changed");
        notice.TextBody!.ShouldContain("mover@cs.bham.ac.uk");
        FormClient.LinkIn(notice).ShouldContain("/Account/ForgotPassword");
    }

    [Fact]
    public async Task Changing_the_email_asks_for_the_current_password()
    {
        await factory.CreateUserAsync("unattended@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.ComputerScience.Id);
        var client = await factory.SignInAsync("unattended@bham.ac.uk", Password);

        var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Email"), new Dictionary<string, string>
        {
            ["NewEmail"] = "taken-over@bham.ac.uk",
            ["CurrentPassword"] = "Not-the-password-1",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("#current-password-error")!.TextContent.ShouldContain("not right");
        page.QuerySelector("main input[name=NewEmail]")!.GetAttribute("value").ShouldBe("taken-over@bham.ac.uk");
        page.QuerySelector("main [role=status]").ShouldBeNull();
    }

    private static Dictionary<string, string> ChangeTo(string email) => new() { ["NewEmail"] = email, ["CurrentPassword"] = Password };

    private async Task<AccountUser?> FindAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>().FindByEmailAsync(email);
    }

    private async Task<IReadOnlyList<Guid>> CoursesOf(string email) => await CoursesOf((await FindAsync(email))!.Id);

    private async Task<IReadOnlyList<Guid>> CoursesOf(Guid userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAccountLookup>().GetEnrolledCourseIdsAsync(userId);
    }
}

public sealed class MeApiTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    [Fact]
    public async Task Me_returns_the_signed_in_users_university_and_courses_and_401_otherwise()
    {
        (await factory.CreateClient().GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var id = await factory.CreateUserAsync("me@bham.ac.uk", "Me-pass-2026", TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Mathematics.Id, TestCatalogue.ComputerScience.Id);
        var client = await factory.SignInAsync("me@bham.ac.uk", "Me-pass-2026");
        using var json = JsonDocument.Parse(await client.Http.GetStringAsync("/api/v1/me"));
        json.RootElement.GetProperty("id").GetGuid().ShouldBe(id);
        json.RootElement.GetProperty("university").GetProperty("shortName").GetString().ShouldBe("UoB");
        json.RootElement.GetProperty("courses").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ShouldBe(["Computer Science", "Mathematics"]);
        json.RootElement.GetProperty("roles")[0].GetString().ShouldBe(AccountRoles.Student);
    }
}
