using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>
/// Seals committed audit entries into the hash chain: gives each, in the order they became final, its place in the
/// chain, the hash of the entry before and its own hash. One sealer at a time, on any node.
/// </summary>
/// <remarks>
/// Writers insert their entries unsealed, in the transaction of their change, and never wait on each other for the
/// chain. On PostgreSQL an entry is sealed once every transaction as old as the one that wrote it has ended (its
/// transaction id is older than the oldest still running): an entry seen then was committed, and an entry of a
/// transaction rolled back is never seen, so its gap in <see cref="AuditEntry.Id"/> is skipped. Transaction ids are
/// the server's: a long transaction (an import, or one in another database of the same server) holds back the sealing
/// of entries written after it began until it ends; those entries are committed meanwhile, and counted as not yet
/// sealed by <see cref="AuditVerifier"/>. On SQLite a
/// committed entry is final at once: one transaction writes at a time.
/// </remarks>
public sealed class AuditSealer(OversightDbContext db)
{
    /// <summary>Entries sealed at a time.</summary>
    public const int Batch = 5_000;

    /// <summary>Seals up to <see cref="Batch"/> entries; returns how many (0 when none is final yet, or another sealer is at work).</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        List<long> ids;
        if (db.Database.IsNpgsql())
        {
            if (!await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(727102) AS \"Value\"").SingleAsync(cancellationToken))
            {
                return 0;
            }

            ids = await db.Database.SqlQueryRaw<long>(
                    """
                    SELECT "Id" AS "Value" FROM "AuditEntries"
                    WHERE "Sequence" IS NULL AND "WriterTransaction" < pg_snapshot_xmin(pg_current_snapshot())
                    ORDER BY "Id" LIMIT {0}
                    """,
                    Batch)
                .ToListAsync(cancellationToken);
        }
        else
        {
            ids = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        var head = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        var previousHash = head?.Hash ?? AuditChain.Genesis;
        var entries = await db.AuditEntries.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previousHash;
            entry.Hash = previousHash = AuditChain.ComputeHash(entry);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries.Count;
    }

    /// <summary>Seals every entry that is final now.</summary>
    public async Task SealAllAsync(CancellationToken cancellationToken = default)
    {
        while (await SealAsync(cancellationToken) == Batch)
        {
        }
    }
}
