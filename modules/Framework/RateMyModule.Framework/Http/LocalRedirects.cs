using System.Text;

namespace RateMyModule.Framework.Http;

/// <summary>Return URLs as a <c>Location</c> header can carry them.</summary>
public static class LocalRedirects
{
    /// <summary>
    /// Percent-encodes (as UTF-8) every character a header may not hold: a return URL such as <c>/café</c> or one
    /// with U+2028 would otherwise make the server throw while writing the redirect. Printable ASCII, and so any
    /// escape already there, is kept as it is.
    /// </summary>
    public static string ForLocationHeader(string url)
    {
        if (url.All(c => c is >= ' ' and <= '~'))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 3);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is >= ' ' and <= '~')
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
