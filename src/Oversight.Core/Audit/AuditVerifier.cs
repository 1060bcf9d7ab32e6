using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>
/// The outcome of checking the audit chain: how many sealed entries were checked, the first break, if any, and how
/// many entries are not sealed yet (written by transactions still running, or since the last seal).
/// </summary>
/// <remarks>
/// The chain shows a changed, removed or inserted entry anywhere but at its end: entries cut from the end leave a
/// shorter chain that is still whole, which a checkpoint kept outside Oversight shows (<see cref="AuditCheckpoints"/>).
/// Its hashes are keyed (<see cref="AuditChain"/>): a chain recomputed without the key file does not verify.
/// </remarks>
public sealed record AuditVerification(long EntriesChecked, long? BrokenAt, string? Problem, string HeadHash, long Unsealed)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>Walks the sealed audit chain from the first entry and reports the first entry that does not fit.</summary>
public sealed class AuditVerifier(OversightDbContext db, AuditChain chain)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var unsealed = await db.AuditEntries.LongCountAsync(e => e.Sequence == null, cancellationToken);
        var expectedSequence = 1L;
        var previousHash = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence)
            {
                return new(expectedSequence - 1, expectedSequence, $"entry {expectedSequence} is missing (next entry is {entry.Sequence})", previousHash, unsealed);
            }

            if (entry.PreviousHash != previousHash)
            {
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: the earlier entry was changed or replaced", previousHash, unsealed);
            }

            if (chain.ComputeHash(entry) != entry.Hash)
            {
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written", previousHash, unsealed);
            }

            previousHash = entry.Hash!;
            expectedSequence++;
        }

        return new(expectedSequence - 1, null, null, previousHash, unsealed);
    }
}
