using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Options;

namespace RateMyModule.Accounts.Users;

/// <summary>
/// Makes a sign-in or sign-up for an address without an account look like one for an address with an account, so
/// neither the answer, nor the time it takes, nor the lockout after repeated failures tells a stranger which
/// addresses have accounts: the same password-hash work is done, and unknown addresses are "locked out" after as
/// many failures as real ones.
/// </summary>
public sealed class SignInTiming(IPasswordHasher<AccountUser> hasher, IMemoryCache cache, IOptions<AccountOptions> options, TimeProvider clock)
{
    private static readonly AccountUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };

    /// <summary>The work of checking a password against a stored hash, for an account that has none to check.</summary>
    public void VerifyNothing(string password)
    {
        // A hash made once per app with its own hasher, so verifying against it costs what verifying a real one does.
        // Kept in the app's cache, not a static: two hosts in one process (tests) may hash with different costs.
        var hash = cache.GetOrCreate("signin-timing:hash", entry =>
        {
            entry.Priority = CacheItemPriority.NeverRemove;
            entry.Size = 1;
            return hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        })!;
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }

    /// <summary>The work of hashing a new password, for a sign-up that creates no account.</summary>
    public void HashNothing(string password) => hasher.HashPassword(Nobody, password);

    /// <summary>Counts a failed sign-in for an address without an account; true once it is "locked out", as a real account would be.</summary>
    public bool FailUnknown(string normalizedEmail)
    {
        var settings = options.Value;
        var key = "signin-unknown:" + normalizedEmail;
        var now = clock.GetUtcNow();
        var state = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = settings.LockoutDuration;
            entry.Size = 1;
            return new Attempts();
        })!;
        lock (state)
        {
            if (state.LockedUntil > now)
            {
                return true;
            }

            state.Failures++;
            if (state.Failures < settings.MaxFailedAccessAttempts)
            {
                return false;
            }

            state.Failures = 0;
            state.LockedUntil = now + settings.LockoutDuration;
            return true;
        }
    }

    /// <summary>Whether an address without an account is "locked out" now (checked before the password, as Identity does).</summary>
    public bool IsUnknownLockedOut(string normalizedEmail)
        => cache.TryGetValue<Attempts>("signin-unknown:" + normalizedEmail, out var state) && state!.LockedUntil > clock.GetUtcNow();

    private sealed class Attempts
    {
        public int Failures { get; set; }

        public DateTimeOffset LockedUntil { get; set; }
    }
}
