using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Oversight.Audit;

/// <summary>The hash that links an audit entry to the one before it.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Audit times are kept to the microsecond, the precision both databases store.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    public static string ComputeHash(long sequence, DateTimeOffset at, string actor, string action, string entityType,
        string entityId, Guid? unitId, string? before, string? after, string previousHash)
    {
        var text = string.Join('\u001f',
            sequence.ToString(CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(CultureInfo.InvariantCulture),
            actor, action, entityType, entityId,
            unitId?.ToString() ?? string.Empty,
            before ?? "\u2400", after ?? "\u2400",
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The hash of a sealed entry (its sequence and previous hash set).</summary>
    public static string ComputeHash(AuditEntry e) =>
        ComputeHash(e.Sequence!.Value, e.At, e.Actor, e.Action, e.EntityType, e.EntityId, e.UnitId, e.Before, e.After, e.PreviousHash!);
}
