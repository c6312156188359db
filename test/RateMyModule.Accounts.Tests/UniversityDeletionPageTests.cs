using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Tests.Infrastructure;
using RateMyModule.Accounts.Users;
using RateMyModule.TestBase.Authentication;

namespace RateMyModule.Accounts.Tests;

/// <summary>
/// Issue 14, item 8, through the admin page: an Admin deletes a university, lands on the list with a message, and its
/// unconfirmed sign-ups are deleted as account deletion deletes (with its event); its confirmed users stay.
/// </summary>
public sealed class UniversityDeletionPageTests(AccountsAppFactory factory) : IClassFixture<AccountsAppFactory>
{
    private static readonly TestUser Admin = new(Guid.NewGuid(), "chief@admin.ratemymodule.app", [AccountRoles.Admin]);

    [Fact]
    public async Task An_admin_deletes_a_university_and_its_unconfirmed_sign_ups_go_with_it()
    {
        var client = new FormClient(factory.CreateClientAs(Admin));
        var created = await client.SubmitAsync(await client.GetPageAsync("/Admin/Catalogue/Universities/Edit"), new Dictionary<string, string>
        {
            ["Input.Name"] = "University of Tywyn",
            ["Input.ShortName"] = "Tywyn",
            ["Input.EmailDomain"] = "tywyn.ac.uk",
            ["Input.FoundedOn"] = "1999-09-01",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var editUrl = created.Headers.Location!.OriginalString;
        var university = Guid.Parse(editUrl.Split('/')[^1].Split('?')[0]);

        var pending = await factory.CreateUserAsync("pending@tywyn.ac.uk", "Quiet-harbour-lantern-91", university, AccountRoles.Student);
        var confirmed = await factory.CreateUserAsync("staff@tywyn.ac.uk", "Quiet-harbour-lantern-91", university, AccountRoles.Student);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            var fresh = (await users.FindByIdAsync(pending.ToString()))!;
            fresh.EmailConfirmed = false;
            (await users.UpdateAsync(fresh)).Succeeded.ShouldBeTrue();
        }

        var deleted = await client.SubmitAsync(await client.GetPageAsync(editUrl), new Dictionary<string, string>(), action: "handler=Delete");

        deleted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        deleted.Headers.Location!.OriginalString.ShouldBe("/Admin/Catalogue/Universities");
        var list = await client.GetPageAsync("/Admin/Catalogue/Universities");
        list.QuerySelector("main [role=status]")!.TextContent.ShouldBe("The university was deleted.");
        list.QuerySelectorAll("main tbody tr").ShouldNotContain(row => row.TextContent.Contains("University of Tywyn", StringComparison.Ordinal));

        factory.Deleted.UserIds.ShouldContain(pending);
        factory.Deleted.UserIds.ShouldNotContain(confirmed);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AccountUser>>();
            (await users.FindByIdAsync(pending.ToString())).ShouldBeNull();
            (await users.FindByIdAsync(confirmed.ToString())).ShouldNotBeNull();
        }
    }
}
