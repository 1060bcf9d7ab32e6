using System.Security.Cryptography;
using System.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// Ids of the rows the reference import writes, derived from natural keys ("unit|2025-01-01|10096"), so that
/// a second run finds the rows of the first and changes nothing.
/// </summary>
/// <remarks>
/// The first four bytes are a fixed tag (<c>4f565246</c>, "OVRF"), the rest a SHA-256 of the key, with the
/// UUID version 8 and variant bits set. The tag tells the import's own rows from rows made by people or
/// other imports (their version 7 ids start with a timestamp that will not reach the tag for centuries),
/// which is what lets a re-run remove lineage that the reference data no longer yields.
/// </remarks>
internal static class ReferenceIds
{
    private static readonly byte[] Tag = [0x4f, 0x56, 0x52, 0x46];

    public static Guid For(string naturalKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(naturalKey), hash);
        Span<byte> bytes = hash[..16];
        Tag.CopyTo(bytes);
        bytes[6] = (byte)(0x80 | (bytes[6] & 0x0f));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
        return new Guid(bytes, bigEndian: true);
    }

    public static bool IsReference(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes[..4].SequenceEqual(Tag);
    }
}
