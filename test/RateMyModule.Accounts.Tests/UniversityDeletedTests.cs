using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;

namespace RateMyModule.Accounts.Tests;

/// <summary>Deleting a university deletes its unconfirmed sign-ups, as account deletion does, and no one else.</summary>
public sealed class UniversityDeletedTests(AccountsModuleFixture fixture) : IClassFixture<AccountsModuleFixture>
{
    [Fact]
    public async Task The_unconfirmed_sign_ups_of_a_deleted_university_are_deleted_and_everyone_else_stays()
    {
        var deleted = Guid.NewGuid();
        var other = Guid.NewGuid();
        var ids = await fixture.Host.ScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AccountUser>>();
            async Task<Guid> CreateAsync(string email, Guid university, bool confirmed)
            {
                var user = new AccountUser { UserName = email, Email = email, UniversityId = university, EmailConfirmed = confirmed };
                (await users.CreateAsync(user, "Quiet-harbour-lantern-91")).Succeeded.ShouldBeTrue();
                return user.Id;
            }

            return (
                Pending: await CreateAsync("pending@gone.ac.uk", deleted, false),
                Staff: await CreateAsync("staff@gone.ac.uk", deleted, true),
                Elsewhere: await CreateAsync("pending@stays.ac.uk", other, false));
        });

        await fixture.Host.ScopeAsync(sp => sp.GetRequiredService<ILocalEventBus>().PublishAsync(new UniversityDeletedEvent(deleted)));

        var remaining = await fixture.Host.ScopeAsync(sp => Task.FromResult(
            sp.GetRequiredService<UserManager<AccountUser>>().Users.Where(u => u.Id == ids.Pending || u.Id == ids.Staff || u.Id == ids.Elsewhere)
                .Select(u => u.Id).ToList()));
        remaining.ShouldBe([ids.Staff, ids.Elsewhere], ignoreOrder: true);
    }
}
