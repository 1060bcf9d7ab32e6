using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>The audit history of one record: its own entries and those of the rows that belong to it.</summary>
internal static class RecordHistory
{
    /// <summary>
    /// The newest <paramref name="limit"/> entries, newest first, of the record <paramref name="id"/> of
    /// <paramref name="entityType"/> and of its parts: rows of <paramref name="partTypes"/> whose key starts with the
    /// record's id (an event's attendance, keyed <c>event|unit</c>).
    /// </summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAsync(
        OversightDbContext db, string entityType, Guid id, IReadOnlyList<string> partTypes, int limit, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var partPrefix = key + "|";
        return await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == entityType && e.EntityId == key) || (partTypes.Contains(e.EntityType) && e.EntityId.StartsWith(partPrefix)))
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }
}
