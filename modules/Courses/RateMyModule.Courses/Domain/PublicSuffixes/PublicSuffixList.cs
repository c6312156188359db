using System.Collections.Frozen;

namespace RateMyModule.Courses.Domain.PublicSuffixes;

/// <summary>
/// The Public Suffix List (vendored by host/RateMyModule.Web/vendor-assets.sh from the psl package): names under
/// which anyone can register a domain, such as <c>ac.uk</c> or <c>github.io</c>. A university's e-mail domain must
/// be below one, never one itself, or every address under the suffix would count as that university's.
/// </summary>
public sealed class PublicSuffixList
{
    public const string ResourceName = "RateMyModule.Courses.public-suffix-list.txt";

    private readonly FrozenSet<string> _rules;
    private readonly FrozenSet<string> _wildcards;
    private readonly FrozenSet<string> _exceptions;

    public PublicSuffixList()
    {
        using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var rules = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim().ToLowerInvariant();
            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                rules.Add(line);
            }
        }

        _exceptions = rules.Where(r => r.StartsWith('!')).Select(r => r[1..]).ToFrozenSet(StringComparer.Ordinal);
        _wildcards = rules.Where(r => r.StartsWith("*.", StringComparison.Ordinal)).Select(r => r[2..]).ToFrozenSet(StringComparer.Ordinal);
        _rules = rules.Where(r => !r.StartsWith('!') && !r.StartsWith('*')).ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _rules.Count + _wildcards.Count;

    /// <summary>Whether <paramref name="domain"/> is itself a public suffix (<c>ac.uk</c>: yes; <c>bham.ac.uk</c>: no).</summary>
    public bool IsPublicSuffix(string domain)
    {
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (_exceptions.Contains(domain))
        {
            return false;
        }

        if (_rules.Contains(domain))
        {
            return true;
        }

        var dot = domain.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && _wildcards.Contains(domain[(dot + 1)..]);
    }
}
