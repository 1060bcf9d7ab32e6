using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Indicators;

/// <summary>
/// The records of every set indicators are computed from, held in memory and brought up to date with the database
/// before each use: a province's million cases are summed in tens of milliseconds, and a change shows in the next
/// figure asked for. One per process and database.
/// </summary>
/// <remarks>
/// Every change in Oversight is written to the audit trail in the transaction that makes it, and the trail's
/// sequence has no gaps and grows in the order of commits. The store remembers the last entry it has seen; before
/// records are used it reads the entries written since, and each set reads again the records those entries name (and
/// those depending on them). A set is read whole the first time it is needed.
/// </remarks>
public sealed class RecordStore
{
    /// <summary>Beyond this many new entries, the sets are read whole again rather than record by record.</summary>
    private const int MostChangesToFollow = 50_000;

    private readonly SemaphoreSlim turn = new(1, 1);
    private Dictionary<IRecordSet, object> stored = [];
    private long seen;

    /// <summary>Reads every record set, as a host starting does before the first figures are asked for.</summary>
    public Task ReadAllAsync(OversightDbContext db, CancellationToken cancellationToken) => CurrentAsync(db, RecordSets.ByName.Values, cancellationToken);

    /// <summary>The records of <paramref name="sets"/> with every change committed before the call.</summary>
    internal async Task<IReadOnlyDictionary<IRecordSet, object>> CurrentAsync(OversightDbContext db, IEnumerable<IRecordSet> sets, CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            var last = await db.AuditEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
            var current = new Dictionary<IRecordSet, object>(stored);
            if (last != seen && current.Count > 0)
            {
                var changes = last > seen && last - seen <= MostChangesToFollow
                    ? await db.AuditEntries.AsNoTracking()
                        .Where(e => e.Sequence > seen && e.Sequence <= last)
                        .Select(e => new { e.EntityType, e.EntityId })
                        .ToListAsync(cancellationToken)
                    : null;
                foreach (var (set, records) in stored)
                {
                    // An entity's id in the trail is its key, the parts of a composite key joined by '|'.
                    var changed = changes?.Where(c => set.Sources.Contains(c.EntityType))
                        .SelectMany(c => c.EntityId.Split('|'))
                        .Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty)
                        .Where(id => id != Guid.Empty)
                        .ToHashSet();
                    if (changed is not { Count: 0 })
                    {
                        current[set] = await set.ReadAsync(db, records, changed, cancellationToken);
                    }
                }
            }

            seen = last;
            foreach (var set in sets.Where(s => !current.ContainsKey(s)).Distinct())
            {
                current[set] = await set.ReadAsync(db, null, null, cancellationToken);
            }

            stored = current;
            return current;
        }
        finally
        {
            turn.Release();
        }
    }
}
