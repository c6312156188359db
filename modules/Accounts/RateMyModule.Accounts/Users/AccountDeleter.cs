using Microsoft.AspNetCore.Identity;
using RateMyModule.Framework.Events;

namespace RateMyModule.Accounts.Users;

/// <summary>
/// Deletes an account for real: the other modules remove what the user made (through <see cref="AccountDeletedEvent"/>)
/// in the same unit of work, so either everything goes or nothing does.
/// </summary>
public sealed class AccountDeleter(UserManager<AccountUser> users, ILocalEventBus events)
{
    public async Task<bool> DeleteAsync(AccountUser user, string password, CancellationToken cancellationToken = default)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        await events.PublishAsync(new AccountDeletedEvent(user.Id), cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Deleting the account failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        return true;
    }
}
