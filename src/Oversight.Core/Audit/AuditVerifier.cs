using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>The outcome of checking the audit chain: how many entries were checked and the first break, if any.</summary>
public sealed record AuditVerification(long EntriesChecked, long? BrokenAt, string? Problem)
{
    public bool IsIntact => BrokenAt is null;
}

/// <summary>Walks the audit chain from the first entry and reports the first entry that does not fit.</summary>
public sealed class AuditVerifier(OversightDbContext db)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var expectedSequence = 1L;
        var previousHash = AuditChain.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence)
            {
                return new(expectedSequence - 1, expectedSequence, $"entry {expectedSequence} is missing (next entry is {entry.Sequence})");
            }

            if (entry.PreviousHash != previousHash)
            {
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} does not follow entry {entry.Sequence - 1}: the earlier entry was changed or replaced");
            }

            if (AuditChain.ComputeHash(entry) != entry.Hash)
            {
                return new(expectedSequence - 1, entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return new(expectedSequence - 1, null, null);
    }
}
