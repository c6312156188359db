using System.Collections.Frozen;

namespace RateMyModule.Accounts.Passwords;

/// <summary>
/// The ~49,000 most commonly used passwords (<c>Data/common-passwords.txt</c>, vendored from zxcvbn-ts by
/// <c>vendor-data.sh</c>), compared without case, as Django's CommonPasswordValidator does.
/// </summary>
public sealed class CommonPasswordList
{
    public const string ResourceName = "RateMyModule.Accounts.common-passwords.txt";

    private readonly FrozenSet<string> _passwords;

    public CommonPasswordList()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.Trim().ToLowerInvariant());
            }
        }

        _passwords = passwords.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _passwords.Count;

    /// <summary>
    /// True for a listed password, and for one that is a listed password with digits or symbols stuck on its end
    /// ("password2026!"), the commonest way people meet a length rule.
    /// </summary>
    public bool Contains(string password)
    {
        var lowered = password.Trim().ToLowerInvariant();
        if (_passwords.Contains(lowered))
        {
            return true;
        }

        var end = lowered.Length;
        while (end > 0 && !char.IsLetter(lowered[end - 1]))
        {
            end--;
        }

        var stem = lowered[..end];
        return stem.Length >= 4 && stem.Length < lowered.Length && _passwords.Contains(stem);
    }
}
