using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Web.DataProtection;

namespace RateMyModule.Web.Tests.Configuration;

public sealed class SecretKeyXmlEncryptorTests
{
    private static readonly XElement Key = new(
        "key",
        new XAttribute("id", "5a1e0f9c-1111-2222-3333-444455556666"),
        new XElement("masterKey", "c2VjcmV0LW1hc3Rlci1rZXktbWF0ZXJpYWw="));

    [Fact]
    public void A_key_element_round_trips_through_the_encryptor_and_decryptor()
    {
        var secret = new KeyRingSecret("the-right-secret-key-0123456789abcdef");

        var encrypted = new SecretKeyXmlEncryptor(secret).Encrypt(Key);

        encrypted.DecryptorType.ShouldBe(typeof(SecretKeyXmlDecryptor));
        encrypted.EncryptedElement.ToString().ShouldNotContain("c2VjcmV0LW1hc3Rlci1rZXktbWF0ZXJpYWw=");
        var decrypted = Decryptor(secret).Decrypt(encrypted.EncryptedElement);
        XNode.DeepEquals(decrypted, Key).ShouldBeTrue();
    }

    [Fact]
    public void Each_encryption_uses_a_fresh_salt_and_nonce()
    {
        var encryptor = new SecretKeyXmlEncryptor(new KeyRingSecret("the-right-secret-key-0123456789abcdef"));

        var first = encryptor.Encrypt(Key).EncryptedElement;
        var second = encryptor.Encrypt(Key).EncryptedElement;

        first.Element("salt")!.Value.ShouldNotBe(second.Element("salt")!.Value);
        first.Element("value")!.Value.ShouldNotBe(second.Element("value")!.Value);
    }

    [Fact]
    public void Another_secret_key_cannot_decrypt_the_key_ring()
    {
        var encrypted = new SecretKeyXmlEncryptor(new KeyRingSecret("the-right-secret-key-0123456789abcdef")).Encrypt(Key);

        var failure = Should.Throw<CryptographicException>(
            () => Decryptor(new KeyRingSecret("a-different-secret-key-0123456789abcd")).Decrypt(encrypted.EncryptedElement));

        failure.Message.ShouldContain("SECRET_KEY differs");
    }

    [Fact]
    public void A_tampered_key_element_is_refused()
    {
        var secret = new KeyRingSecret("the-right-secret-key-0123456789abcdef");
        var element = new SecretKeyXmlEncryptor(secret).Encrypt(Key).EncryptedElement;
        var value = Convert.FromBase64String(element.Element("value")!.Value);
        value[0] ^= 0x01;
        element.Element("value")!.Value = Convert.ToBase64String(value);

        Should.Throw<CryptographicException>(() => Decryptor(secret).Decrypt(element));
    }

    [Fact]
    public void Without_a_secret_key_the_encrypted_key_ring_cannot_be_read()
    {
        var encrypted = new SecretKeyXmlEncryptor(new KeyRingSecret("the-right-secret-key-0123456789abcdef")).Encrypt(Key);

        var failure = Should.Throw<CryptographicException>(
            () => new SecretKeyXmlDecryptor(new ServiceCollection().BuildServiceProvider()).Decrypt(encrypted.EncryptedElement));

        failure.Message.ShouldContain("SECRET_KEY is not set");
    }

    [Fact]
    public void The_secret_never_prints()
    {
        new KeyRingSecret("the-right-secret-key-0123456789abcdef").ToString().ShouldBe("***");
    }

    private static SecretKeyXmlDecryptor Decryptor(KeyRingSecret secret) =>
        new(new ServiceCollection().AddSingleton(secret).BuildServiceProvider());
}
