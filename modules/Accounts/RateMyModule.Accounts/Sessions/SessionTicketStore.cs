using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Data;
using RateMyModule.Framework.Caching;

namespace RateMyModule.Accounts.Sessions;

/// <summary>
/// Keeps sign-ins server-side (the cookie holds only a session key), so that a session can really end: sign-out
/// deletes its row, and a session whose user's security stamp changed since (password, e-mail, lock, role) is not
/// found any more. Reading a session is one query of two primary-key lookups, with no user load or claims rebuild,
/// and its answer is kept in the <see cref="DataCache"/> until an Accounts change commits: any of those changes
/// (a session deleted, a stamp changed) is one, so the next request after it reads the database again. It works
/// in the request's own scope, so its writes join the request's unit of work.
/// </summary>
public sealed class SessionTicketStore(TimeProvider clock, IOptions<IdentityOptions> identity, DataCache cache) : ITicketStore
{
    /// <summary>The claim, in the stored principal, that names its own session: how a page knows "this device".</summary>
    public const string SessionIdClaimType = "rmm:session";

    private static readonly Func<AccountsDbContext, Guid, Task<byte[]?>> ValidTicket = EF.CompileAsyncQuery(
        (AccountsDbContext db, Guid id) => db.Sessions
            .Where(s => s.Id == id && db.Users.Any(u => u.Id == s.UserId && u.SecurityStamp == s.SecurityStamp))
            .Select(s => s.Ticket)
            .SingleOrDefault());

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var db = httpContext.RequestServices.GetRequiredService<AccountsDbContext>();
        var id = Guid.NewGuid();
        var userId = Guid.Parse(ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)!, CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();

        // Expired sessions of this user go when they sign in again, so the table holds live sessions only.
        await db.Sessions.Where(s => s.UserId == userId && s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);

        var userAgent = httpContext.Request.Headers.UserAgent.ToString();
        db.Sessions.Add(new AccountSession
        {
            Id = id,
            UserId = userId,
            SecurityStamp = StampOf(ticket),
            Ticket = Serialize(ticket, id),
            CreationTime = now,
            LastRenewalTime = now,
            ExpiresAt = ticket.Properties.ExpiresUtc,
            UserAgent = userAgent.Length > AccountSession.UserAgentMaxLength ? userAgent[..AccountSession.UserAgentMaxLength] : userAgent,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Every sign-in (password or external provider) begins a session here, so this is where it is recorded; a
        // direct update, so it is not an audited change of the user and does not move their concurrency stamp.
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInTime, now), cancellationToken);
        return id.ToString("N", CultureInfo.InvariantCulture);
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!TryParse(key, out var id))
        {
            return;
        }

        // An update only: a session deleted meanwhile (signed out elsewhere) stays ended.
        var db = httpContext.RequestServices.GetRequiredService<AccountsDbContext>();
        var stamp = StampOf(ticket);
        var bytes = Serialize(ticket, id);
        var now = clock.GetUtcNow();
        await db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.Ticket, bytes)
                .SetProperty(s => s.SecurityStamp, stamp)
                .SetProperty(s => s.ExpiresAt, ticket.Properties.ExpiresUtc)
                .SetProperty(s => s.LastRenewalTime, now),
            cancellationToken);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!TryParse(key, out var id))
        {
            return null;
        }

        var bytes = await cache.GetOrReadAsync(
            DataCacheKey.For<AccountsDbContext>($"accounts:session:{id:N}"),
            _ => ValidTicket(httpContext.RequestServices.GetRequiredService<AccountsDbContext>(), id),
            cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (TryParse(key, out var id))
        {
            await httpContext.RequestServices.GetRequiredService<AccountsDbContext>().Sessions
                .Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
    }

    // The cookie handler always calls the overloads with the request; these exist only to satisfy the interface.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException("Sessions are stored within a request.");

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException("Sessions are renewed within a request.");

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException("Sessions are read within a request.");

    public Task RemoveAsync(string key) => throw new NotSupportedException("Sessions are removed within a request.");

    private string StampOf(AuthenticationTicket ticket)
        => ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType) ?? "";

    private static byte[] Serialize(AuthenticationTicket ticket, Guid id)
    {
        if (ticket.Principal.Identity is ClaimsIdentity claims && !claims.HasClaim(c => c.Type == SessionIdClaimType))
        {
            claims.AddClaim(new Claim(SessionIdClaimType, id.ToString("N", CultureInfo.InvariantCulture)));
        }

        return TicketSerializer.Default.Serialize(ticket);
    }

    private static bool TryParse(string key, out Guid id) => Guid.TryParseExact(key, "N", out id);
}
