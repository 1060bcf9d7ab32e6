using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Oversight.Keys;

namespace Oversight.Audit;

/// <summary>
/// The hash that links an audit entry to the one before it: an HMAC-SHA256 keyed with a key derived from the
/// installation's key file, so that whoever can write to the database but does not hold the key file cannot
/// recompute the chain after changing, inserting or removing an entry.
/// </summary>
public sealed class AuditChain(InstallationKey key)
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Purpose = "Oversight.Audit.Chain.v1";

    private readonly byte[] hashKey = key.Derive(Purpose);

    /// <summary>Audit times are kept to the microsecond, the precision both databases store.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The hash of a sealed entry (its sequence and previous hash set).</summary>
    public string ComputeHash(AuditEntry e) => Convert.ToHexStringLower(HMACSHA256.HashData(hashKey, Content(e)));

    /// <summary>The hash chains had before they were keyed (plain SHA-256 of the same content), to verify one before keying it.</summary>
    internal static string UnkeyedHash(AuditEntry e) => Convert.ToHexStringLower(SHA256.HashData(Content(e)));

    private static byte[] Content(AuditEntry e) => Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Sequence!.Value.ToString(CultureInfo.InvariantCulture),
        e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
        e.Actor, e.Action, e.EntityType, e.EntityId,
        e.UnitId?.ToString() ?? string.Empty,
        e.Before ?? "\u2400", e.After ?? "\u2400",
        e.PreviousHash!));
}
