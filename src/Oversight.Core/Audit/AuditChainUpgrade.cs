using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>
/// Keys a chain sealed before the chain was keyed: when its first entry carries the unkeyed hash, the whole chain is
/// checked with the unkeyed hash and, only if it is intact, sealed again with the keyed one, in one transaction. A
/// broken unkeyed chain is left as it is, so that <c>audit verify</c> reports it rather than the keying hiding it.
/// </summary>
public static class AuditChainUpgrade
{
    /// <summary>Returns how many entries it keyed (0: nothing to key, or the unkeyed chain is broken).</summary>
    public static async Task<long> KeyUnkeyedChainAsync(OversightDbContext db, AuditChain chain, CancellationToken cancellationToken = default)
    {
        var first = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == 1, cancellationToken);
        if (first is null || chain.ComputeHash(first) == first.Hash || AuditChain.UnkeyedHash(first) != first.Hash)
        {
            return 0;
        }

        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        if (db.Database.IsNpgsql())
        {
            // The sealers' lock: no node seals while the chain is keyed.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727102)", cancellationToken);
        }

        var (unkeyedPrevious, keyedPrevious, sequence) = (AuditChain.Genesis, AuditChain.Genesis, 0L);
        while (true)
        {
            var from = sequence;
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Sequence > from && e.Sequence <= from + AuditSealer.Batch)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != ++sequence || entry.PreviousHash != unkeyedPrevious || AuditChain.UnkeyedHash(entry) != entry.Hash)
                {
                    return 0;
                }

                unkeyedPrevious = entry.Hash!;
                entry.PreviousHash = keyedPrevious;
                entry.Hash = keyedPrevious = chain.ComputeHash(entry);
            }

            await AuditSealer.WriteSealsAsync(db, batch, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return sequence;
    }
}
