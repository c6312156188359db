using System.Collections.Frozen;

namespace RateMyModule.Accounts.Registration;

/// <summary>
/// Free and disposable mail providers, from the module's <c>Data/disposable-domains.txt</c>: an address there says
/// nothing about the person's university. A listed domain covers its subdomains too.
/// </summary>
public sealed class DisposableDomainList
{
    public const string ResourceName = "RateMyModule.Accounts.disposable-domains.txt";

    private readonly FrozenSet<string> _domains;

    public DisposableDomainList()
        : this(Load())
    {
    }

    // Private: DI would pick a public IEnumerable<string> constructor and hand it an empty list.
    private DisposableDomainList(IEnumerable<string> domains)
    {
        _domains = domains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0 && !d.StartsWith('#')).ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _domains.Count;

    public bool Contains(string domain)
    {
        for (var candidate = domain.ToLowerInvariant(); candidate.Length > 0;)
        {
            if (_domains.Contains(candidate))
            {
                return true;
            }

            var dot = candidate.IndexOf('.', StringComparison.Ordinal);
            candidate = dot < 0 ? "" : candidate[(dot + 1)..];
        }

        return false;
    }

    private static List<string> Load()
    {
        using var stream = typeof(DisposableDomainList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
