using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Courses;
using RateMyModule.Framework;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;
using RateMyModule.TestBase;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

/// <summary>/Admin/Roles: an Admin decides what each role may do, and it takes effect on the members' next request.</summary>
public sealed class AdminRolesTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "boss@admin.ratemymodule.app", [AccountRoles.Admin]);
    private static readonly TestUser BirminghamModerator = new(Guid.NewGuid(), "mod@bham.ac.uk", [AccountRoles.Moderator], TestCatalogue.Birmingham.Id);
    private static readonly TestUser BirminghamAdmin = new(Guid.NewGuid(), "head@bham.ac.uk", [AccountRoles.UniversityAdmin], TestCatalogue.Birmingham.Id);

    private FormClient As(TestUser user) => new(factory.CreateClientAs(user));

    [Fact]
    public async Task A_permission_granted_to_a_role_opens_the_page_to_its_members_and_revoking_closes_it()
    {
        await factory.CreateUserAsync("seen@bham.ac.uk", "Viewer-pass-2026", TestCatalogue.Birmingham.Id, AccountRoles.Student, TestCatalogue.Physics.Id);
        await factory.CreateUserAsync("unseen@cardiff.ac.uk", "Viewer-pass-2026", TestCatalogue.Cardiff.Id, AccountRoles.Student, TestCatalogue.Welsh.Id);
        var moderator = As(BirminghamModerator);
        (await moderator.Http.GetAsync("/Admin/Users")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");

        var admin = As(Admin);
        var form = await admin.GetPageAsync("/Admin/Roles/Moderator");
        var ticked = form.QuerySelectorAll("main input[name=Permissions][checked]").Select(i => i.GetAttribute("value")!).ToList();
        ticked.ShouldContain(ReviewsModeratePermission, "a Moderator moderates by default");
        var saved = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Permissions"] = string.Join('\n', ticked.Append(AccountsPermissions.ManageUsers)) });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetPageAsync(saved.Headers.Location!.OriginalString);
        after.QuerySelector("main [role=status]")!.TextContent.ShouldContain("Moderator");
        after.QuerySelector($"main input[value='{AccountsPermissions.ManageUsers}']")!.HasAttribute("checked").ShouldBeTrue();

        // The moderator's next request sees the grant, scoped to their own university.
        var list = await moderator.GetPageAsync("/Admin/Users");
        var emails = list.QuerySelectorAll("main tbody td:first-child").Select(td => td.TextContent).ToList();
        emails.ShouldContain("seen@bham.ac.uk");
        emails.ShouldNotContain("unseen@cardiff.ac.uk");
        (await GrantLogAsync("Moderator")).ShouldContain(AccountsPermissions.ManageUsers, "who granted what is in the audit log");

        var revoked = await admin.SubmitAsync(await admin.GetPageAsync("/Admin/Roles/Moderator"), new Dictionary<string, string> { ["Permissions"] = string.Join('\n', ticked) });
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await moderator.Http.GetAsync("/Admin/Users")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task The_admin_role_is_read_only_and_a_forged_save_changes_nothing()
    {
        var admin = As(Admin);
        var page = await admin.GetPageAsync("/Admin/Roles/Admin");
        page.QuerySelector("main form").ShouldBeNull();
        var every = factory.Services.GetRequiredService<PermissionDefinitionManager>().Permissions;
        page.QuerySelectorAll("main li").Length.ShouldBe(every.Count);

        var token = (await admin.GetPageAsync("/Admin/Roles/Student")).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await admin.Http.PostAsync("/Admin/Roles/Admin", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await GrantedAsync(AccountRoles.Admin)).Count.ShouldBe(every.Count);
    }

    [Fact]
    public async Task An_unknown_permission_refuses_the_whole_save_and_keeps_what_was_ticked()
    {
        var admin = As(Admin);
        var before = await GrantedAsync(AccountRoles.Student);
        var response = await admin.SubmitAsync(
            await admin.GetPageAsync("/Admin/Roles/Student"),
            new Dictionary<string, string> { ["Permissions"] = $"{CoursesPermissions.ManageCatalogue}\nNot.A.Permission" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await Html.ParseAsync(response);
        page.QuerySelector("main [role=alert]")!.TextContent.ShouldContain("does not exist");
        page.QuerySelector($"main input[value='{CoursesPermissions.ManageCatalogue}']")!.HasAttribute("checked").ShouldBeTrue();
        (await GrantedAsync(AccountRoles.Student)).ShouldBe(before);
    }

    [Fact]
    public async Task Only_holders_of_the_roles_permission_open_the_pages_and_an_unknown_role_is_not_found()
    {
        (await As(BirminghamAdmin).Http.GetAsync("/Admin/Roles")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await As(BirminghamAdmin).Http.GetAsync("/Admin/Roles/Student")).Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        (await As(Admin).Http.GetAsync("/Admin/Roles/Nobody")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var list = await As(Admin).GetPageAsync("/Admin/Roles");
        list.QuerySelectorAll("main tbody th").Select(th => th.TextContent).ShouldBe(["Admin", "Moderator", "Student", "University admin"]);
    }

    [Fact]
    public async Task The_admin_menu_offers_each_page_to_whoever_holds_its_permission()
    {
        var adminMenu = await As(Admin).GetPageAsync("/Admin");
        adminMenu.QuerySelector("main a[href='/Admin/Roles']").ShouldNotBeNull();
        adminMenu.QuerySelector("main a[href='/Admin/Users']").ShouldNotBeNull();

        var universityAdminMenu = await As(BirminghamAdmin).GetPageAsync("/Admin");
        universityAdminMenu.QuerySelector("main a[href='/Admin/Users']").ShouldNotBeNull();
        universityAdminMenu.QuerySelector("main a[href='/Admin/Roles']").ShouldBeNull();
    }

    [Fact]
    public async Task Permission_names_are_shown_in_the_language_of_the_page()
    {
        var welsh = await As(Admin).GetPageAsync("/Admin/Roles/Moderator?culture=cy");
        var labels = welsh.QuerySelectorAll("main label").Select(l => l.TextContent).ToList();
        labels.ShouldContain("Rheoli defnyddwyr (cloi, datgloi, rhoi rolau)");
        labels.ShouldContain("Cymedroli adolygiadau", "the Reviews module's own Welsh text");
        welsh.QuerySelectorAll("main legend").Select(l => l.TextContent).ShouldContain("Cyfrifon");
    }

    [Fact]
    public async Task Seeding_again_does_not_give_back_what_an_admin_took_away()
    {
        var admin = As(Admin);
        var form = await admin.GetPageAsync("/Admin/Roles/UniversityAdmin");
        var kept = form.QuerySelectorAll("main input[name=Permissions][checked]").Select(i => i.GetAttribute("value")!)
            .Where(p => p != CoursesPermissions.ManageCatalogue).ToList();
        (await admin.SubmitAsync(form, new Dictionary<string, string> { ["Permissions"] = string.Join('\n', kept) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await factory.Services.GetRequiredService<DataSeeder>().SeedAsync(new DataSeedContext(IncludeDemoData: false));

        (await GrantedAsync(AccountRoles.UniversityAdmin)).ShouldNotContain(CoursesPermissions.ManageCatalogue);
    }

    private const string ReviewsModeratePermission = "Reviews.Moderate";

    private async Task<IReadOnlyList<string>> GrantedAsync(string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PermissionGrantStore>().GetGrantedPermissionsAsync(role);
    }

    private async Task<List<string>> GrantLogAsync(string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var logs = await scope.ServiceProvider.GetRequiredService<FrameworkDbContext>().EntityChangeLogs.AsNoTracking()
            .Where(l => l.EntityType == typeof(PermissionGrant).FullName && l.UserName == Admin.Email)
            .ToListAsync();
        return logs.Where(l => l.PropertyChanges.Any(c => c.PropertyName == nameof(PermissionGrant.RoleName) && c.NewValue == role))
            .SelectMany(l => l.PropertyChanges.Where(c => c.PropertyName == nameof(PermissionGrant.PermissionName)).Select(c => c.NewValue!))
            .ToList();
    }
}
