using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Keys;

/// <summary>
/// Encrypts the keys a database still holds in the clear (written before its key ring was encrypted), the way Data
/// Protection encrypts a new key: each element marked <c>requiresEncryption</c> is replaced by an
/// <c>encryptedSecret</c> naming its decryptor. Runs at start, before any key is read.
/// </summary>
public static class KeyRingUpgrade
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    /// <summary>Returns how many keys it encrypted.</summary>
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
