using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.Reviews;
using RateMyModule.Reviews.Data;
using RateMyModule.Reviews.Domain;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

public sealed class AdminUsersTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private const string Password = "Admin-test-2026";

    private static readonly TestUser Admin = new(Guid.NewGuid(), "boss@admin.ratemymodule.app", [AccountRoles.Admin]);
    private static readonly TestUser BirminghamAdmin = new(Guid.NewGuid(), "head@bham.ac.uk", [AccountRoles.UniversityAdmin], TestCatalogue.Birmingham.Id);

    private FormClient As(TestUser user) => new(factory.CreateClientAs(user));

    [Fact]
    public async Task A_university_admin_sees_only_their_universitys_users_and_others_are_not_found()
    {
        var own = await factory.CreateUserAsync("own@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var other = await factory.CreateUserAsync("other@cardiff.ac.uk", Password, TestCatalogue.Cardiff.Id, AccountRoles.Student, TestCatalogue.Welsh.Id);
        var client = As(BirminghamAdmin);

        var list = await client.GetPageAsync("/Admin/Users");
        var emails = list.QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ToList();
        emails.ShouldContain("own@bham.ac.uk");
        emails.ShouldNotContain("other@cardiff.ac.uk");

        (await client.Http.GetAsync($"/Admin/Users/{own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.Http.GetAsync($"/Admin/Users/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var adminList = await As(Admin).GetPageAsync("/Admin/Users?search=cardiff");
        adminList.QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ShouldContain("other@cardiff.ac.uk");
    }

    [Fact]
    public async Task A_student_may_not_open_the_user_admin()
    {
        var student = new TestUser(Guid.NewGuid(), "nosy@bham.ac.uk", [AccountRoles.Student], TestCatalogue.Birmingham.Id);
        var response = await As(student).Http.GetAsync("/Admin/Users");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_list_pages_by_keyset()
    {
        for (var i = 0; i < 22; i++)
        {
            await factory.CreateUserAsync($"page{i:00}@paging.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        }

        var client = As(Admin);
        var first = await client.GetPageAsync("/Admin/Users?search=paging");
        first.QuerySelectorAll("main tbody tr").Length.ShouldBe(20);
        var next = first.QuerySelector("main nav a")!.GetAttribute("href")!;
        var second = await client.GetPageAsync(next);
        var rest = second.QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ToList();
        rest.ShouldBe(["page20@paging.bham.ac.uk", "page21@paging.bham.ac.uk"]);
        second.QuerySelector("main nav a").ShouldBeNull();
    }

    [Fact]
    public async Task A_university_admin_makes_a_moderator_and_locks_an_account_which_then_cannot_sign_in()
    {
        var id = await factory.CreateUserAsync("helper@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        var client = As(BirminghamAdmin);

        var details = await client.GetPageAsync($"/Admin/Users/{id}");
        var granted = await client.SubmitAsync(details, new Dictionary<string, string> { ["Roles"] = AccountRoles.Moderator }, action: "handler=Roles");
        granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            (await users.IsInRoleAsync((await users.FindByIdAsync(id.ToString()))!, AccountRoles.Moderator)).ShouldBeTrue();
        }

        var locked = await client.SubmitAsync(await client.GetPageAsync($"/Admin/Users/{id}"), new Dictionary<string, string>(), action: "handler=Lock");
        locked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var signIn = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var refused = await signIn.SubmitAsync(await signIn.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = "helper@bham.ac.uk", ["Input.Password"] = Password });

        // Issue 13, item 7: told who locked them, not "too many attempts" (and only with the right password).
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RateMyModule.TestBase.Html.ParseAsync(refused)).QuerySelector("main")!.TextContent.ShouldContain("An administrator has locked this account.");
        var welsh = await signIn.SubmitAsync(await signIn.GetPageAsync("/Account/Login?culture=cy"), new Dictionary<string, string> { ["Input.Email"] = "helper@bham.ac.uk", ["Input.Password"] = Password });
        (await RateMyModule.TestBase.Html.ParseAsync(welsh)).QuerySelector("main [role=alert]")!.TextContent.ShouldContain("Mae gweinyddwr wedi cloi'r cyfrif hwn.");

        // A wrong password is answered exactly as for an address without an account (issue 12, no enumeration).
        var guessed = await signIn.SubmitAsync(await signIn.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = "helper@bham.ac.uk", ["Input.Password"] = "Wrong-guess-2026" });
        var unknown = await signIn.SubmitAsync(await signIn.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = "nobody-here@bham.ac.uk", ["Input.Password"] = "Wrong-guess-2026" });
        guessed.StatusCode.ShouldBe(unknown.StatusCode);
        var guessedAlert = (await RateMyModule.TestBase.Html.ParseAsync(guessed)).QuerySelector("main [role=alert]")!.TextContent;
        guessedAlert.ShouldContain("The email address or password is not right.");
        guessedAlert.ShouldBe((await RateMyModule.TestBase.Html.ParseAsync(unknown)).QuerySelector("main [role=alert]")!.TextContent);

        await client.SubmitAsync(await client.GetPageAsync($"/Admin/Users/{id}"), new Dictionary<string, string>(), action: "handler=Unlock");
        await factory.SignInAsync("helper@bham.ac.uk", Password);
    }

    [Fact]
    public async Task A_university_admin_cannot_change_roles_of_another_universitys_user()
    {
        var id = await factory.CreateUserAsync("far@cardiff.ac.uk", Password, TestCatalogue.Cardiff.Id, AccountRoles.Student, TestCatalogue.Welsh.Id);
        var client = As(BirminghamAdmin);
        var ownDetails = await client.GetPageAsync($"/Admin/Users/{await factory.CreateUserAsync("near@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student)}");
        var token = ownDetails.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await client.Http.PostAsync($"/Admin/Users/{id}?handler=Roles", new FormUrlEncodedContent(
        [
            new("Roles", AccountRoles.UniversityAdmin),
            new("__RequestVerificationToken", token),
        ]));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Html.ParseAsync(await As(Admin).Http.GetAsync($"/Admin/Users/{id}"))).QuerySelector($"#role-{AccountRoles.UniversityAdmin}")!.HasAttribute("checked").ShouldBeFalse();
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_and_the_paging_link_keeps_them()
    {
        await factory.CreateUserAsync("plain@filter.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        await factory.CreateUserAsync("welsh@filter.cardiff.ac.uk", Password, TestCatalogue.Cardiff.Id, AccountRoles.Student);
        var moderator = await factory.CreateUserAsync("mod@filter.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        var unconfirmed = await factory.CreateUserAsync("new@filter.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        var locked = await factory.CreateUserAsync("shut@filter.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            (await users.AddToRoleAsync((await users.FindByIdAsync(moderator.ToString()))!, AccountRoles.Moderator)).Succeeded.ShouldBeTrue();
            var fresh = (await users.FindByIdAsync(unconfirmed.ToString()))!;
            fresh.EmailConfirmed = false;
            (await users.UpdateAsync(fresh)).Succeeded.ShouldBeTrue();
            var shut = (await users.FindByIdAsync(locked.ToString()))!;
            await users.SetLockoutEnabledAsync(shut, true);
            await users.SetLockoutEndDateAsync(shut, DateTimeOffset.MaxValue);
        }

        var admin = As(Admin);
        async Task<List<string>> EmailsAsync(FormClient client, string query)
            => (await client.GetPageAsync("/Admin/Users?search=filter&" + query)).QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ToList();

        (await EmailsAsync(admin, "")).Count.ShouldBe(5);
        (await EmailsAsync(admin, $"university={TestCatalogue.Cardiff.Id}")).ShouldBe(["welsh@filter.cardiff.ac.uk"]);
        (await EmailsAsync(admin, $"role={AccountRoles.Moderator}")).ShouldBe(["mod@filter.bham.ac.uk"]);
        (await EmailsAsync(admin, "confirmed=false")).ShouldBe(["new@filter.bham.ac.uk"]);
        (await EmailsAsync(admin, "locked=true")).ShouldBe(["shut@filter.bham.ac.uk"]);
        (await EmailsAsync(admin, "locked=false&confirmed=true")).Count.ShouldBe(3);

        // A UniversityAdmin cannot widen their list to another university, nor is offered the choice.
        var universityAdmin = As(BirminghamAdmin);
        (await EmailsAsync(universityAdmin, $"university={TestCatalogue.Cardiff.Id}")).ShouldNotContain("welsh@filter.cardiff.ac.uk");
        (await universityAdmin.GetPageAsync("/Admin/Users")).QuerySelector("main select[name=University]").ShouldBeNull();

        for (var i = 0; i < 21; i++)
        {
            await factory.CreateUserAsync($"pg{i:00}@keep.bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);
        }

        var first = await admin.GetPageAsync($"/Admin/Users?search=keep&role={AccountRoles.Student}&confirmed=true&locked=false&university={TestCatalogue.Birmingham.Id}");
        var next = first.QuerySelector("main nav a")!.GetAttribute("href")!;
        next.ShouldContain("role=" + AccountRoles.Student);
        next.ShouldContain("confirmed=true");
        next.ShouldContain("locked=false");
        next.ShouldContain("university=" + TestCatalogue.Birmingham.Id);
        (await admin.GetPageAsync(next)).QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ShouldBe(["pg20@keep.bham.ac.uk"]);
    }

    [Fact]
    public async Task A_users_page_counts_what_they_made_in_english_and_welsh()
    {
        var author = await factory.CreateUserAsync("writer@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
            var review = new Review { Id = Guid.NewGuid(), ModuleId = Guid.NewGuid(), UniversityId = TestCatalogue.Birmingham.Id, AuthorId = author, Overall = 4, Text = "Worth it.", AcademicYear = 2025 };
            reviews.Reviews.Add(review);
            reviews.Votes.Add(new ReviewVote { Id = Guid.NewGuid(), ReviewId = review.Id, UserId = author, Kind = VoteKind.Helpful });
            await reviews.SaveChangesAsync();
        }

        var client = As(BirminghamAdmin);
        var page = await client.GetPageAsync($"/Admin/Users/{author}");
        Counts(page).ShouldBe([("Reviews written", "1"), ("Votes cast", "1"), ("Reports made", "0")]);

        var welsh = await client.GetPageAsync($"/Admin/Users/{author}?culture=cy");
        Counts(welsh).ShouldBe([("Adolygiadau a ysgrifennwyd", "1"), ("Pleidleisiau a fwriwyd", "1"), ("Adroddiadau a wnaed", "0")]);

        static List<(string, string)> Counts(AngleSharp.Dom.IDocument document)
            => [.. document.QuerySelectorAll("#activity tbody tr").Select(tr => (tr.QuerySelector("th")!.TextContent, tr.QuerySelector("td")!.TextContent))];
    }

    [Fact]
    public async Task The_list_shows_each_users_university_courses_reviews_and_sign_up_date_and_filters_by_sign_up()
    {
        // Issue 14, item 11 (and 13, item 7): the columns, read for the whole page, not per row.
        var author = await factory.CreateUserAsync("columns@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ReviewsDbContext>();
            foreach (var year in new[] { 2024, 2025 })
            {
                reviews.Reviews.Add(new Review { Id = Guid.NewGuid(), ModuleId = Guid.NewGuid(), UniversityId = TestCatalogue.Birmingham.Id, AuthorId = author, Overall = 4, Text = "Fine.", AcademicYear = year });
            }

            await reviews.SaveChangesAsync();
        }

        var client = As(Admin);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.GetPageAsync($"/Admin/Users?search=columns%40bham&signedUpFrom={today}&signedUpTo={today}");

        var headings = page.QuerySelectorAll("main thead th").Select(th => th.TextContent).ToList();
        headings.ShouldBe(["Email address", "University", "Roles", "Status", "Signed up", "Last sign-in", "Courses", "Reviews written"]);
        var cells = page.QuerySelectorAll("main tbody tr").ShouldHaveSingleItem().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        cells[0].ShouldBe("columns@bham.ac.uk");
        cells[1].ShouldBe("University of Birmingham");
        // Day, month name, year in the reader's language; never the neutral "en" culture's American 11/29/2026.
        var signedUp = page.QuerySelector("main tbody tr time")!;
        cells[4].ShouldBe(DateTimeOffset.Parse(signedUp.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")));
        cells[5].ShouldBe("Never");
        cells[6].ShouldBe("1");
        cells[7].ShouldBe("2");

        var before = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await client.GetPageAsync($"/Admin/Users?search=columns%40bham&signedUpTo={before}")).QuerySelectorAll("main tbody tr").ShouldBeEmpty();

        var welsh = await client.GetPageAsync("/Admin/Users?search=columns%40bham&culture=cy");
        welsh.QuerySelectorAll("main thead th").Select(th => th.TextContent).ShouldBe(["Cyfeiriad e-bost", "Prifysgol", "Rolau", "Statws", "Cofrestrodd", "Mewngofnodi diwethaf", "Cyrsiau", "Adolygiadau a ysgrifennwyd"]);
        welsh.QuerySelector("main tbody tr time")!.TextContent.ShouldBe(
            DateTimeOffset.Parse(signedUp.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("cy")));
    }

    [Fact]
    public async Task Lock_is_not_offered_on_ones_own_account_and_the_roles_pages_have_titles()
    {
        var id = await factory.CreateUserAsync("self@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.UniversityAdmin);
        var self = As(new TestUser(id, "self@bham.ac.uk", [AccountRoles.UniversityAdmin], TestCatalogue.Birmingham.Id));
        var other = await factory.CreateUserAsync("someone@bham.ac.uk", Password, TestCatalogue.Birmingham.Id, AccountRoles.Student);

        (await self.GetPageAsync($"/Admin/Users/{id}")).QuerySelector("main form[action*='handler=Lock']").ShouldBeNull();
        (await self.GetPageAsync($"/Admin/Users/{other}")).QuerySelector("main form[action*='handler=Lock']").ShouldNotBeNull();

        // Posted anyway (a crafted form), the lock of one's own account is refused and changes nothing.
        var selfPage = await self.GetPageAsync($"/Admin/Users/{id}");
        var token = selfPage.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await self.Http.PostAsync($"/Admin/Users/{id}?handler=Lock", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            (await users.IsLockedOutAsync((await users.FindByIdAsync(id.ToString()))!)).ShouldBeFalse();
        }

        var admin = As(Admin);
        (await admin.GetPageAsync("/Admin/Roles")).Title.ShouldBe("Roles – RateMyModule");
        (await admin.GetPageAsync("/Admin/Roles/Moderator")).Title!.ShouldStartWith("Permissions of Moderator");
    }
}
