using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Localization;

namespace RateMyModule.Accounts.Users;

/// <summary>
/// Remembers the language a user reads the site in: the one they sign in with and any they switch to later.
/// Mail written by background jobs (the moderators' digest) uses it.
/// </summary>
public sealed class PreferredCultureRecorder(AccountsDbContext db) : ILocalEventHandler<CultureChangedEvent>
{
    public Task HandleEventAsync(CultureChangedEvent eventData, CancellationToken cancellationToken)
        => RecordAsync(eventData.UserId, eventData.Culture, cancellationToken);

    /// <summary>One UPDATE, and none at all when the language is already the recorded one.</summary>
    public Task RecordAsync(Guid userId, string culture, CancellationToken cancellationToken = default)
        => culture.Length > AccountUser.CultureMaxLength
            ? Task.CompletedTask
            : db.Users.Where(u => u.Id == userId && (u.PreferredCulture == null || u.PreferredCulture != culture))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture), cancellationToken);
}
