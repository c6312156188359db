using System.Net;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// After a change the next page says it happened, once, wherever the change leads: the layout shows the message,
/// and a page the cache would serve to visitors is rendered afresh while a message waits.
/// </summary>
public sealed class ConfirmationMessageTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Confirm-pass-2026";

    [Fact]
    public async Task Saving_courses_confirms_on_the_page_the_student_was_going_to_and_only_once()
    {
        await factory.CreateUserAsync("saver@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var client = await factory.SignInAsync("saver@bham.ac.uk", Password);

        var saved = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Courses?returnUrl=%2FUniversities"), new Dictionary<string, string>
        {
            ["CourseIds"] = TestCatalogue.Mathematics.Id.ToString(),
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        saved.Headers.Location!.ToString().ShouldBe("/Universities");

        var next = await client.Http.GetAsync("/Account/Manage/Sessions");
        (await Html.ParseAsync(next)).QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your courses have been saved.");
        (await client.GetPageAsync("/Account/Manage/Sessions")).QuerySelector("main [role=status]").ShouldBeNull();

        var again = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Courses?culture=cy"), new Dictionary<string, string>
        {
            ["CourseIds"] = TestCatalogue.Physics.Id.ToString(),
        });
        again.Headers.Location!.ToString().ShouldBe("/Account/Manage/Courses");
        (await client.GetPageAsync("/Account/Manage/Courses?culture=cy")).QuerySelector("main [role=status]")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Deleting_the_account_is_confirmed_on_the_home_page_even_when_visitors_get_it_from_the_cache()
    {
        // A visitor's request first, so that the home page is in the page cache.
        (await factory.CreateClient().GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await factory.CreateUserAsync("gone@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var client = await factory.SignInAsync("gone@bham.ac.uk", Password);

        var deleted = await client.SubmitAsync(await client.GetPageAsync("/Account/Manage/Delete"), new Dictionary<string, string> { ["Password"] = Password });
        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.ToString().ShouldBe("/");

        var home = await Html.ParseAsync(await client.Http.GetAsync("/"));
        home.QuerySelector("main [role=status]")!.TextContent.ShouldBe("Your account and everything you wrote have been deleted.");
        (await Html.ParseAsync(await client.Http.GetAsync("/"))).QuerySelector("main [role=status]").ShouldBeNull();
    }
}
