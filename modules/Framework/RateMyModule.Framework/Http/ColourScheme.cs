using Microsoft.AspNetCore.Http;

namespace RateMyModule.Framework.Http;

/// <summary>
/// Light or dark pages. A visitor's own choice is a cookie; without one the page follows the device, which Chromium
/// tells the server in a client hint and every browser tells the script <c>theme.js</c>. Known here, in the kernel,
/// because a cached page must be kept once per scheme.
/// </summary>
public static class ColourScheme
{
    public const string CookieName = "rmm-theme";

    /// <summary>The user-preference client hint (<c>light</c> or <c>dark</c>), sent once the site asks for it.</summary>
    public const string ClientHintHeader = "Sec-CH-Prefers-Color-Scheme";

    public const string Light = "light";
    public const string Dark = "dark";

    /// <summary>The choice the toggle stores; anything else means "as the device".</summary>
    public const string Auto = "auto";

    /// <summary>What the user chose: <see cref="Light"/>, <see cref="Dark"/> or <see cref="Auto"/>.</summary>
    public static string ChoiceOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Normalize(request.Cookies[CookieName]) ?? Auto;
    }

    /// <summary>The scheme to render: the choice, else the device's as its client hint says, else light.</summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Normalize(request.Cookies[CookieName]) ?? Normalize(request.Headers[ClientHintHeader].ToString().Trim('"')) ?? Light;
    }

    private static string? Normalize(string? value) => value switch
    {
        not null when value.Equals(Light, StringComparison.OrdinalIgnoreCase) => Light,
        not null when value.Equals(Dark, StringComparison.OrdinalIgnoreCase) => Dark,
        _ => null,
    };
}
