using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Administration;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.Framework.Uow;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

/// <summary>Issue 14, item 11: an administrator creates a user, who is mailed a link to choose their password; and the last sign-in.</summary>
public sealed class AdminUserInvitationTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "boss@admin.ratemymodule.app", [AccountRoles.Admin]);
    private static readonly TestUser BirminghamAdmin = new(Guid.NewGuid(), "head@bham.ac.uk", [AccountRoles.UniversityAdmin], TestCatalogue.Birmingham.Id);

    [Fact]
    public async Task An_admin_creates_a_user_who_sets_a_password_from_the_invitation_and_then_shows_a_last_sign_in()
    {
        var admin = new FormClient(factory.CreateClientAs(Admin));
        var created = await admin.SubmitAsync(await admin.GetPageAsync("/Admin/Users/Create"), new Dictionary<string, string>
        {
            ["Input.Email"] = "invited@bham.ac.uk",
            ["Input.Role"] = AccountRoles.Moderator,
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var details = await admin.GetPageAsync(created.Headers.Location!.OriginalString);
        details.QuerySelector("main h1")!.TextContent.ShouldBe("invited@bham.ac.uk");
        details.QuerySelector("[role=status]")!.TextContent.ShouldContain("an invitation was sent to invited@bham.ac.uk");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            var user = (await users.FindByEmailAsync("invited@bham.ac.uk")).ShouldNotBeNull();
            user.UniversityId.ShouldBe(TestCatalogue.Birmingham.Id);
            (await users.GetRolesAsync(user)).ShouldBe([AccountRoles.Moderator]);
            (await users.HasPasswordAsync(user)).ShouldBeFalse();
            user.LastSignInTime.ShouldBeNull();
        }

        var list = await admin.GetPageAsync("/Admin/Users?search=invited%40bham");
        list.QuerySelector("main tbody tr")!.QuerySelectorAll("td")[5].TextContent.Trim().ShouldBe("Never");

        // The invitation goes through the mail queue to the SMTP server; its link is the password-reset page's.
        var mail = await FormClient.WaitForEmailAsync(factory.Smtp, "invited@bham.ac.uk", "You have been invited to RateMyModule");
        var link = FormClient.LinkIn(mail);
        link.ShouldContain("/Account/ResetPassword?code=");
        var invitee = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var set = await invitee.SubmitAsync(await invitee.GetPageAsync(link), new Dictionary<string, string> { ["Email"] = "invited@bham.ac.uk", ["Password"] = "Quiet-harbour-lantern-92" });
        (await RateMyModule.TestBase.Html.ParseAsync(set)).QuerySelector("main [role=status]").ShouldNotBeNull();

        await factory.SignInAsync("invited@bham.ac.uk", "Quiet-harbour-lantern-92");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            (await users.FindByEmailAsync("invited@bham.ac.uk"))!.LastSignInTime.ShouldNotBeNull();
        }

        var after = await admin.GetPageAsync("/Admin/Users?search=invited%40bham");
        var cell = after.QuerySelector("main tbody tr")!.QuerySelectorAll("td")[5];
        cell.TextContent.Trim().ShouldNotBe("Never");
        cell.QuerySelector("time[datetime]").ShouldNotBeNull();
    }

    [Theory]
    [InlineData("someone@gmail.com", AccountRoles.Student, "Input.Email", "Free and disposable email providers cannot be used")]
    [InlineData("someone@nowhere-university.ac.uk", AccountRoles.Student, "Input.Email", "does not belong to a university on RateMyModule")]
    [InlineData("someone@bham.ac.uk", "", "Input.Role", "The Role field is required")]
    [InlineData("someone@bham.ac.uk", AccountRoles.Admin, "Input.Role", "Choose the user's role.")]
    [InlineData("taken@bham.ac.uk", AccountRoles.Student, "Input.Email", "An account with this address already exists.")]
    public async Task A_refused_user_is_said_so_next_to_the_field_and_what_was_typed_is_kept(string email, string role, string field, string message)
    {
        if (email == "taken@bham.ac.uk")
        {
            await factory.CreateUserAsync(email, "Quiet-harbour-lantern-91", TestCatalogue.Birmingham.Id, AccountRoles.Student);
        }

        var admin = new FormClient(factory.CreateClientAs(Admin));
        var refused = await admin.SubmitAsync(await admin.GetPageAsync("/Admin/Users/Create"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await RateMyModule.TestBase.Html.ParseAsync(refused);
        page.QuerySelector($"main [data-valmsg-for='{field}']")!.TextContent.ShouldContain(message);
        page.QuerySelector("main input[name='Input.Email']")!.GetAttribute("value").ShouldBe(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
        users.Users.Count(u => u.Email == email).ShouldBe(email == "taken@bham.ac.uk" ? 1 : 0);
    }

    [Fact]
    public async Task The_form_and_its_errors_are_in_welsh()
    {
        var admin = new FormClient(factory.CreateClientAs(Admin));
        var form = await admin.GetPageAsync("/Admin/Users/Create?culture=cy");
        form.QuerySelector("main h1")!.TextContent.ShouldBe("Creu defnyddiwr");
        var refused = await admin.SubmitAsync(form, new Dictionary<string, string> { ["Input.Email"] = "rhywun@bham.ac.uk", ["Input.Role"] = AccountRoles.Admin });
        (await RateMyModule.TestBase.Html.ParseAsync(refused)).QuerySelector("main [data-valmsg-for='Input.Role']")!.TextContent.ShouldBe("Dewiswch rôl y defnyddiwr.");
    }

    [Fact]
    public async Task A_university_admin_may_create_users_of_their_own_university_only()
    {
        var outside = await InviteAsync(BirminghamAdmin, "student@cardiff.ac.uk", AccountRoles.Student);
        outside.Succeeded.ShouldBeFalse();
        outside.Field.ShouldBe("Email");
        outside.ErrorKey.ShouldBe("InviteOtherUniversity");

        var inside = await InviteAsync(BirminghamAdmin, "newcomer@bham.ac.uk", AccountRoles.Student);
        inside.Succeeded.ShouldBeTrue();
        inside.User!.UniversityId.ShouldBe(TestCatalogue.Birmingham.Id);
        inside.User.EmailConfirmed.ShouldBeTrue();

        // A sub-domain spelling of an existing mailbox is that mailbox (issue 14, item 5).
        var respelt = await InviteAsync(Admin, "newcomer@cs.bham.ac.uk", AccountRoles.Student);
        respelt.ErrorKey.ShouldBe("InviteEmailTaken");

        var page = new FormClient(factory.CreateClientAs(BirminghamAdmin));
        var refused = await page.SubmitAsync(await page.GetPageAsync("/Admin/Users/Create"), new Dictionary<string, string> { ["Input.Email"] = "other@cardiff.ac.uk", ["Input.Role"] = AccountRoles.Student });
        (await RateMyModule.TestBase.Html.ParseAsync(refused)).QuerySelector("main [data-valmsg-for='Input.Email']")!.TextContent.ShouldBe("The address must belong to your own university.");
    }

    private async Task<UserInvitation> InviteAsync(TestUser actor, string email, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        uow.Begin();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, actor.Id.ToString()),
                .. actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
                .. actor.UniversityId is { } university ? [new Claim(AccountClaimTypes.UniversityId, university.ToString())] : Array.Empty<Claim>(),
            ],
            "test"));
        var invitation = await scope.ServiceProvider.GetRequiredService<UserAdministration>().InviteAsync(principal, email, role);
        await uow.CompleteAsync();
        return invitation;
    }
}
