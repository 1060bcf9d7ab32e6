using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Keys;

/// <summary>
/// What is done with the key ring at start, before any key is read: a ring encrypted with another installation's key
/// file is refused, and keys still in the clear (written before the ring was encrypted) are encrypted.
/// </summary>
public static class KeyRingAtStart
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>
    /// Fails with what to do when a key of the ring does not open with <paramref name="key"/>: the database was
    /// restored or copied from an installation whose key file this is not. Started anyway, it would make keys of its
    /// own, and every identity recorded before would stay unreadable without anyone being told.
    /// </summary>
    public static async Task RefuseAnotherKeyFileAsync(OversightDbContext db, InstallationKey key, CancellationToken cancellationToken = default)
    {
        var aesKey = key.Derive(KeyRingEncryptor.Purpose);
        var encrypted = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains(KeyRingEncryptor.ElementName)).Select(k => k.Xml!).ToListAsync(cancellationToken);
        if (encrypted.Any(xml => XElement.Parse(xml).Descendants(KeyRingEncryptor.ElementName).Any(element => !KeyRingEncryptor.Opens(aesKey, element))))
        {
            throw new KeyFileException($"The database's keys were encrypted with another key file than {key.Path}"
                + (key.Created ? ", which was made just now" : string.Empty)
                + $". A database restored or copied from an installation needs that installation's key file: set {InstallationKey.Setting} (Keys__File) to it, "
                + "or put it in place of this one.");
        }
    }

    /// <summary>
    /// Encrypts the keys a database still holds in the clear, the way Data Protection encrypts a new key: each
    /// element marked <c>requiresEncryption</c> is replaced by an <c>encryptedSecret</c> naming its decryptor. Returns
    /// how many keys it encrypted.
    /// </summary>
    public static async Task<int> EncryptPlainKeysAsync(OversightDbContext db, IXmlEncryptor encryptor, CancellationToken cancellationToken = default)
    {
        var plainKeys = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("requiresEncryption")).ToListAsync(cancellationToken);
        foreach (var key in plainKeys)
        {
            var element = XElement.Parse(key.Xml!);
            foreach (var secret in element.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList())
            {
                var encrypted = encryptor.Encrypt(new XElement(secret));
                secret.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                    new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!),
                    encrypted.EncryptedElement));
            }

            key.Xml = element.ToString(SaveOptions.DisableFormatting);
        }

        await db.SaveChangesAsync(cancellationToken);
        return plainKeys.Count;
    }
}
