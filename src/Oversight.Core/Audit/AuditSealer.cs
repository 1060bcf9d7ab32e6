using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>
/// Seals committed audit entries into the hash chain: gives each, in the order the sealer finds them, its place in the
/// chain, the hash of the entry before and its own hash. One sealer at a time, on any node.
/// </summary>
/// <remarks>
/// Writers insert their entries unsealed, in the transaction of their change, and never wait on each other for the
/// chain. The sealer sees only committed entries: an entry of a transaction still running is sealed by a later round,
/// after entries committed before it (so the chain's order is the order entries became visible, not their ids'), and
/// an entry of a transaction rolled back is never seen, its gap in <see cref="AuditEntry.Id"/> skipped. A long
/// transaction (an import) holds back nothing but its own entries. Committed entries not sealed yet are counted by
/// <see cref="AuditVerifier"/>.
/// </remarks>
public sealed class AuditSealer(OversightDbContext db, AuditChain chain)
{
    /// <summary>Entries sealed at a time.</summary>
    public const int Batch = 5_000;

    /// <summary>Seals up to <see cref="Batch"/> entries; returns how many (0 when none is waiting, or another sealer is at work).</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        await using var transaction = await WriteTransaction.BeginAsync(db.Database, cancellationToken);
        if (db.Database.IsNpgsql()
            && !await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_xact_lock(727102) AS \"Value\"").SingleAsync(cancellationToken))
        {
            return 0;
        }

        var ids = await db.AuditEntries.Where(e => e.Sequence == null).OrderBy(e => e.Id).Select(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
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
        var entries = await db.AuditEntries.AsNoTracking().Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previousHash;
            entry.Hash = previousHash = chain.ComputeHash(entry);
        }

        await WriteSealsAsync(db, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries.Count;
    }

    /// <summary>
    /// Writes the entries' places and hashes: on PostgreSQL in one statement, on SQLite one prepared statement run per
    /// entry. (Saved through the change tracker, sealing 203,882 entries on PostgreSQL took 50.2 s and 784 MB; this way
    /// 8.6 s and 242 MB.)
    /// </summary>
    internal static async Task WriteSealsAsync(OversightDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                UPDATE "AuditEntries" AS e SET "Sequence" = s.sequence, "PreviousHash" = s.previous, "Hash" = s.hash
                FROM unnest({0}, {1}, {2}, {3}) AS s(id, sequence, previous, hash) WHERE e."Id" = s.id
                """,
                [entries.Select(e => e.Id).ToArray(), entries.Select(e => e.Sequence!.Value).ToArray(), entries.Select(e => e.PreviousHash!).ToArray(), entries.Select(e => e.Hash!).ToArray()],
                cancellationToken);
            return;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = "UPDATE \"AuditEntries\" SET \"Sequence\" = $sequence, \"PreviousHash\" = $previous, \"Hash\" = $hash WHERE \"Id\" = $id";
        var parameters = new[] { "$sequence", "$previous", "$hash", "$id" }.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync(cancellationToken);
        foreach (var entry in entries)
        {
            (parameters[0].Value, parameters[1].Value, parameters[2].Value, parameters[3].Value) = (entry.Sequence, entry.PreviousHash, entry.Hash, entry.Id);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Seals every entry committed now.</summary>
    public async Task SealAllAsync(CancellationToken cancellationToken = default)
    {
        while (await SealAsync(cancellationToken) == Batch)
        {
        }
    }
}
