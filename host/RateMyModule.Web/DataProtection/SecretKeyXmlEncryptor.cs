using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace RateMyModule.Web.DataProtection;

/// <summary>
/// Encrypts each data-protection key element at rest with AES-256-GCM under a key derived from <c>SECRET_KEY</c>,
/// so that a copy of the database alone does not let anyone forge cookies or antiforgery tokens.
/// </summary>
public sealed class SecretKeyXmlEncryptor(KeyRingSecret secret) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var salt = RandomNumberGenerator.GetBytes(SecretKeyXmlFormat.SaltSize);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(SecretKeyXmlFormat.DeriveKey(secret, salt), tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        var element = new XElement(
            SecretKeyXmlFormat.RootName,
            new XAttribute("version", SecretKeyXmlFormat.Version),
            new XElement("salt", Convert.ToBase64String(salt)),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(ciphertext)));
        return new EncryptedXmlInfo(element, typeof(SecretKeyXmlDecryptor));
    }
}

/// <summary>
/// Reverses <see cref="SecretKeyXmlEncryptor"/>. Data protection creates it by reflection from the type name stored
/// next to each key, handing it the application's services.
/// </summary>
public sealed class SecretKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var secret = services.GetService(typeof(KeyRingSecret)) as KeyRingSecret
            ?? throw new CryptographicException("The data-protection key ring is encrypted with SECRET_KEY, but SECRET_KEY is not set.");
        if (encryptedElement.Name != SecretKeyXmlFormat.RootName
            || (string?)encryptedElement.Attribute("version") != SecretKeyXmlFormat.Version)
        {
            throw new CryptographicException("The data-protection key element is not in the SECRET_KEY format.");
        }

        var salt = Part(encryptedElement, "salt");
        var nonce = Part(encryptedElement, "nonce");
        var tag = Part(encryptedElement, "tag");
        var ciphertext = Part(encryptedElement, "value");
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(SecretKeyXmlFormat.DeriveKey(secret, salt), tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                "A data-protection key cannot be decrypted: SECRET_KEY differs from the one that encrypted the key ring.", e);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }

    private static byte[] Part(XElement element, string name) =>
        Convert.FromBase64String((string?)element.Element(name)
            ?? throw new CryptographicException($"The data-protection key element has no '{name}'."));
}

/// <summary>The stored format shared by the encryptor and the decryptor.</summary>
internal static class SecretKeyXmlFormat
{
    public const string Version = "1";
    public const int SaltSize = 16;
    public static readonly XName RootName = "secretKeyEncryptedKey";

    private static readonly byte[] Info = Encoding.UTF8.GetBytes("RateMyModule data-protection key ring v1");

    /// <summary>
    /// HKDF rather than a slow password hash: SECRET_KEY is a long random string (at least 32 characters is
    /// enforced), not a human password, and a fresh salt per key keeps the derived AES keys independent.
    /// </summary>
    public static byte[] DeriveKey(KeyRingSecret secret, byte[] salt) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret.Value), 32, salt, Info);
}
