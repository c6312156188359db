using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;

namespace RateMyModule.Accounts.Sessions;

public sealed record SessionRow(Guid Id, string? UserAgent, DateTimeOffset CreationTime, DateTimeOffset LastRenewalTime);

/// <summary>A user's own signed-in devices: what the Manage pages list and end.</summary>
public sealed class AccountSessions(AccountsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SessionRow>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => new { s.Id, s.UserAgent, s.CreationTime, s.LastRenewalTime, s.ExpiresAt })
            .ToListAsync(cancellationToken);
        return rows.Where(s => s.ExpiresAt is null || s.ExpiresAt > now)
            .OrderByDescending(s => s.LastRenewalTime)
            .Select(s => new SessionRow(s.Id, s.UserAgent, s.CreationTime, s.LastRenewalTime))
            .ToList();
    }

    /// <summary>Ends one of the user's sessions; false when it is not theirs (or already ended).</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken = default)
        => await db.Sessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>"Sign out everywhere": every device of the user, this one included, must sign in again.</summary>
    public Task<int> EndAllAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
