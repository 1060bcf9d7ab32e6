using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Oversight.Keys;

/// <summary>
/// Encrypts each key of the Data Protection key ring before it is stored (AES-256-GCM, with a key derived from the
/// <see cref="InstallationKey"/>), so that no row of the database holds a key in the clear.
/// </summary>
public sealed class KeyRingEncryptor(InstallationKey key) : IXmlEncryptor
{
    internal const string Purpose = "Oversight.DataProtection.KeyRing.v1";
    internal const string ElementName = "oversightEncryptedKey";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] aesKey = key.Derive(Purpose);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(aesKey, TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(ElementName,
            new XComment(" Encrypted with the installation's key file (Keys:File), which is not in the database. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    /// <summary>Whether an encrypted key opens with <paramref name="aesKey"/> (it was encrypted with the same key file).</summary>
    internal static bool Opens(byte[] aesKey, XElement encryptedElement)
    {
        try
        {
            Decrypt(aesKey, encryptedElement);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }

    internal static XElement Decrypt(byte[] aesKey, XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value")
            ?? throw new CryptographicException("An encrypted key of the key ring has no value."));
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("An encrypted key of the key ring is truncated.");
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(aesKey, TagBytes))
        {
            // Fails (authentication tag mismatch) with any key file but the one that encrypted it.
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain);
        }

        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}

/// <summary>Decrypts what <see cref="KeyRingEncryptor"/> encrypted; Data Protection makes it by its type name, with the services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly byte[] aesKey = services.GetRequiredService<InstallationKey>().Derive(KeyRingEncryptor.Purpose);

    public XElement Decrypt(XElement encryptedElement) => KeyRingEncryptor.Decrypt(aesKey, encryptedElement);
}
