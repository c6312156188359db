using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;

namespace RateMyModule.Accounts.Users;

/// <summary>
/// A deleted university leaves its unconfirmed sign-ups with nothing to join: they are deleted the way an account
/// deletes itself (<see cref="AccountDeletedEvent"/> first, so other modules remove what they made), in the
/// deleting transaction. Their cookies stop working on the next security-stamp check.
/// </summary>
public sealed class UniversityDeletedHandler(AccountsDbContext db, UserManager<AccountUser> users, ILocalEventBus events)
    : ILocalEventHandler<UniversityDeletedEvent>
{
    public async Task HandleEventAsync(UniversityDeletedEvent eventData, CancellationToken cancellationToken)
    {
        var pending = await db.Users.Where(u => u.UniversityId == eventData.UniversityId && !u.EmailConfirmed).ToListAsync(cancellationToken);
        foreach (var user in pending)
        {
            await events.PublishAsync(new AccountDeletedEvent(user.Id), cancellationToken);
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Deleting a sign-up of a deleted university failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
            }
        }
    }
}
