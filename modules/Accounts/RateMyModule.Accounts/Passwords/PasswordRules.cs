namespace RateMyModule.Accounts.Passwords;

/// <summary>OWASP ASVS 2.1: at least 12 characters, and room for a long passphrase; no composition rules.</summary>
public static class PasswordRules
{
    public const int MinLength = 12;

    public const int MaxLength = 128;
}
