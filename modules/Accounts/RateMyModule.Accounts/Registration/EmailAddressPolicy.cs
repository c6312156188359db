using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;
using RateMyModule.Courses;

namespace RateMyModule.Accounts.Registration;

/// <summary>Why an address may not have an account; each is a localization key shown on the email field.</summary>
public enum EmailRefusal
{
    None,
    Invalid,
    ExampleDomain,
    FreeProvider,
    NotUniversity,
    LooksLikeExisting,
    OtherUniversity,
}

/// <param name="ExistingUserId">The account that already has exactly this address (register: "check your inbox").</param>
public sealed record EmailCheck(EmailRefusal Refusal, UniversityDto? University, Guid? ExistingUserId, string Skeleton)
{
    public bool IsAccepted => Refusal == EmailRefusal.None;
}

/// <summary>
/// The rules an address must pass to have an account, for sign-up, change of email and external sign-in alike:
/// a real university's domain (or a subdomain of it), not a free/disposable provider, not a reserved test domain,
/// and not a look-alike of someone else's address.
/// </summary>
public sealed class EmailAddressPolicy(DisposableDomainList disposable, ICatalogueLookup catalogue, AccountsDbContext db)
{
    private static readonly string[] ReservedSuffixes = [".test", ".example", ".invalid", ".localhost"];
    private static readonly string[] ExampleDomains = ["example.com", "example.org", "example.net", "localhost", "test", "example", "invalid"];

    public static string? DomainOf(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 || at == email.Length - 1 ? null : email[(at + 1)..].TrimEnd('.').ToLowerInvariant();
    }

    public static bool IsReservedDomain(string domain)
        => ExampleDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal))
            || ReservedSuffixes.Any(s => domain.EndsWith(s, StringComparison.Ordinal));

    /// <param name="exceptUserId">The user changing their own address: their current address is no conflict.</param>
    public async Task<EmailCheck> CheckAsync(string email, Guid? exceptUserId = null, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        var skeleton = EmailSkeleton.Of(email);
        var domain = DomainOf(email);
        if (domain is null || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email)
        {
            return new(EmailRefusal.Invalid, null, null, skeleton);
        }

        if (IsReservedDomain(domain))
        {
            return new(EmailRefusal.ExampleDomain, null, null, skeleton);
        }

        if (disposable.Contains(domain))
        {
            return new(EmailRefusal.FreeProvider, null, null, skeleton);
        }

        var university = await catalogue.FindUniversityByEmailDomainAsync(domain, cancellationToken);
        if (university is null || university.IsArchived)
        {
            return new(EmailRefusal.NotUniversity, null, null, skeleton);
        }

        var lookAlikes = await db.Users.AsNoTracking()
            .Where(u => u.EmailSkeleton == skeleton && u.Id != exceptUserId)
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var same = lookAlikes.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.Ordinal));
        if (same is not null)
        {
            return new(EmailRefusal.None, university, same.Id, skeleton);
        }

        return lookAlikes.Count > 0
            ? new(EmailRefusal.LooksLikeExisting, university, null, skeleton)
            : new(EmailRefusal.None, university, null, skeleton);
    }
}
