namespace RateMyModule.Web.DataProtection;

/// <summary>
/// <c>SECRET_KEY</c> as the data-protection key ring's encryption secret. A type of its own so that the decryptor,
/// which data protection creates by reflection, can find it in the container, and so that it never prints.
/// </summary>
public sealed class KeyRingSecret(string secretKey)
{
    internal string Value { get; } = secretKey;

    public override string ToString() => "***";
}
