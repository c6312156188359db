using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace RateMyModule.Notifications.Mail;

/// <summary>Which mails an unsubscribe link stops. The numbers are inside issued tokens: never renumber.</summary>
public enum UnsubscribeScope
{
    /// <summary>Mails about new reviews of one module (<see cref="UnsubscribeRequest.ModuleId"/>).</summary>
    Module = 1,

    /// <summary>Mails about new reviews of every module the user follows (the mail's List-Unsubscribe).</summary>
    AllFollows = 2,

    /// <summary>Mails about moderators' decisions on the user's reviews.</summary>
    Moderation = 3,
}

public sealed record UnsubscribeRequest(Guid UserId, UnsubscribeScope Scope, Guid? ModuleId = null);

/// <summary>
/// Signed, expiring unsubscribe tokens: the link in a mail works without signing in, only for the user and list it was
/// made for, and only for <see cref="NotificationsOptions.UnsubscribeLinkLifetime"/>. Data protection signs and
/// encrypts them with the key ring every replica shares; the expiry is inside, checked against the site's clock.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    private const string Purpose = "RateMyModule.Notifications.Unsubscribe.v1";

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    public string Create(UnsubscribeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expires = (clock.GetUtcNow() + options.Value.UnsubscribeLinkLifetime).ToUnixTimeSeconds();
        return Protector.Protect(string.Join(
            '|', request.UserId.ToString("N"), (int)request.Scope, request.ModuleId?.ToString("N") ?? "", expires.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The request a token stands for; null when it was tampered with, made for another purpose, or has expired.</summary>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = Protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4
            || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !Enum.TryParse<UnsubscribeScope>(parts[1], out var scope) || !Enum.IsDefined(scope)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < clock.GetUtcNow())
        {
            return null;
        }

        Guid? moduleId = Guid.TryParseExact(parts[2], "N", out var module) ? module : null;
        return scope == UnsubscribeScope.Module && moduleId is null ? null : new UnsubscribeRequest(userId, scope, moduleId);
    }
}
