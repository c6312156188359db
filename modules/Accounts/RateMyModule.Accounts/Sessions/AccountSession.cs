namespace RateMyModule.Accounts.Sessions;

/// <summary>
/// One signed-in browser. The cookie carries only this row's key; the sign-in itself (the authentication ticket) is
/// here, so deleting the row ends the session wherever the cookie was copied to.
/// </summary>
public sealed class AccountSession
{
    public const int UserAgentMaxLength = 256;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>
    /// The user's security stamp when the ticket was issued. A password, e-mail, lock or role change replaces the
    /// user's stamp, and a session whose stamp no longer matches is refused at its next request.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreationTime { get; set; }

    /// <summary>When the cookie handler last renewed the ticket (sliding expiration): a coarse "last active".</summary>
    public DateTimeOffset LastRenewalTime { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public string? UserAgent { get; set; }
}
