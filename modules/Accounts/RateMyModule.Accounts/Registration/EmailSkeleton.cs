using System.Globalization;
using System.Text;

namespace RateMyModule.Accounts.Registration;

/// <summary>
/// What an address looks like to a reader: NFKC, lower case, accents dropped, and Latin/Cyrillic/Greek homoglyphs
/// folded to one Latin letter (a small subset of Unicode's confusables, UTS #39). "Аlice" with a Cyrillic А and
/// "alice" share a skeleton, so one could impersonate the other; so do other spellings of one mailbox
/// ("Alice+rmm@bham.ac.uk", "alice@BHAM.ac.uk.").
/// </summary>
public static class EmailSkeleton
{
    private static readonly Dictionary<char, char> Confusables = new()
    {
        // Cyrillic
        ['а'] = 'a',
        ['в'] = 'b',
        ['е'] = 'e',
        ['ё'] = 'e',
        ['һ'] = 'h',
        ['і'] = 'i',
        ['ї'] = 'i',
        ['ј'] = 'j',
        ['к'] = 'k',
        ['ӏ'] = 'l',
        ['м'] = 'm',
        ['н'] = 'h',
        ['о'] = 'o',
        ['р'] = 'p',
        ['ԛ'] = 'q',
        ['с'] = 'c',
        ['ѕ'] = 's',
        ['т'] = 't',
        ['у'] = 'y',
        ['х'] = 'x',
        ['ԝ'] = 'w',
        ['ԁ'] = 'd',
        ['ѵ'] = 'v',
        ['ɡ'] = 'g',
        // Greek
        ['α'] = 'a',
        ['β'] = 'b',
        ['ε'] = 'e',
        ['η'] = 'n',
        ['ι'] = 'i',
        ['κ'] = 'k',
        ['ν'] = 'v',
        ['ο'] = 'o',
        ['ρ'] = 'p',
        ['τ'] = 't',
        ['υ'] = 'u',
        ['χ'] = 'x',
        ['γ'] = 'y',
        ['ω'] = 'w',
        ['ϲ'] = 'c',
        ['ϳ'] = 'j',
        // Latin look-alikes among themselves
        ['ı'] = 'i',
        ['ł'] = 'l',
        ['0'] = 'o',
        ['1'] = 'l',
        ['|'] = 'l',
        ['ø'] = 'o',
        ['đ'] = 'd',
        ['ħ'] = 'h',
    };

    private static readonly IdnMapping Idn = new();

    public static string Of(string email)
    {
        var lowered = Mailbox(email.Trim()).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var decomposed = lowered.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(Confusables.TryGetValue(c, out var latin) ? latin : c);
        }

        // "rn" reads as "m" in most fonts.
        return builder.ToString().Replace("rn", "m", StringComparison.Ordinal).Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The same mailbox however it is spelled: a quoted local part unquoted, a "+tag" sub-address dropped (mail to
    /// alice+x@ reaches alice@), the domain without a trailing dot and in Unicode rather than punycode.
    /// </summary>
    private static string Mailbox(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return email;
        }

        var local = email[..at];
        var domain = email[(at + 1)..].TrimEnd('.');
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            local = local[1..^1];
        }

        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        try
        {
            domain = Idn.GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            // Not a valid IDN name: compare it as written; the domain rules refuse it anyway.
        }

        return local + "@" + domain;
    }
}
