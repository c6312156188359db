namespace RateMyModule.Accounts.Registration;

/// <summary>The sign-up's domain lists, offered to other modules (the catalogue checks a university's domain with them).</summary>
public sealed class EmailDomainRules(DisposableDomainList disposable) : IEmailDomainRules
{
    public bool IsFreeOrDisposable(string domain) => disposable.Contains(domain);

    // Beyond the reserved names, "example" under any suffix (example.ac.uk) is what documentation uses, never a university.
    public bool IsExampleOrReserved(string domain)
    {
        domain = domain.ToLowerInvariant();
        return EmailAddressPolicy.IsReservedDomain(domain) || domain.StartsWith("example.", StringComparison.Ordinal);
    }
}
