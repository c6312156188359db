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

/// <param name="ExistingUserId">
/// The account that already has this mailbox, as written or spelt another way (a look-alike, a sub-domain of the same
/// university). Sign-up takes the "check your inbox" path for it, with a notice to <paramref name="ExistingEmail"/>,
/// so the page tells a stranger nothing.
/// </param>
/// <param name="ExistingEmail">That account's own address: where the notice goes.</param>
public sealed record EmailCheck(EmailRefusal Refusal, UniversityDto? University, Guid? ExistingUserId, string Skeleton, string? ExistingEmail = null)
{
    public bool IsAccepted => Refusal == EmailRefusal.None;
}

/// <summary>
/// The rules an address must pass to have an account, for sign-up, change of email and external sign-in alike:
/// a real university's domain (or a subdomain of it), not a free/disposable provider, not a reserved test domain,
/// and, when it is someone else's mailbox spelt another way, that account (see <see cref="EmailCheck.ExistingUserId"/>).
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

        // Someone else's mailbox however it is spelt: the same address, a look-alike of it (same skeleton), or the same
        // local part at another domain of the same university ("alice@cs.aber.ac.uk" for "alice@aber.ac.uk").
        var sameLocalPart = skeleton[..(skeleton.LastIndexOf('@') + 1)];
        var owners = await db.Users.AsNoTracking()
            .Where(u => u.Id != exceptUserId
                && (u.EmailSkeleton == skeleton || (u.UniversityId == university.Id && u.EmailSkeleton.StartsWith(sameLocalPart))))
            .Select(u => new { u.Id, u.Email })
            .ToListAsync(cancellationToken);
        var owner = owners.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.Ordinal)) ?? owners.FirstOrDefault();
        return new(EmailRefusal.None, university, owner?.Id, skeleton, owner?.Email);
    }
}
