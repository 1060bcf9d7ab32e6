using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Audit;

/// <summary>
/// The head of the audit chain at a moment, as one line an operator keeps outside Oversight (a signed minute, another
/// system, a mail to the inspection committee): <c>oversight-audit-checkpoint sequence=N hash=H at=TIME</c>. Checked
/// later, it shows what the chain alone cannot: entries cut from its end, or a chain rewritten whole.
/// </summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At)
{
    private const string Tag = "oversight-audit-checkpoint";

    public override string ToString() =>
        $"{Tag} sequence={Sequence.ToString(CultureInfo.InvariantCulture)} hash={Hash} at={At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The checkpoints of a file kept by the operator, one per line (empty lines ignored); an error naming the line
    /// when one is not a checkpoint.
    /// </summary>
    public static (IReadOnlyList<AuditCheckpoint> Checkpoints, string? Error) ParseAll(string fileName, string text)
    {
        var checkpoints = new List<AuditCheckpoint>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var fields = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (parts[0] != Tag
                || !fields.TryGetValue("sequence", out var sequence) || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1
                || !fields.TryGetValue("hash", out var hash) || hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower)
                || !fields.TryGetValue("at", out var at) || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
            {
                return ([], $"{fileName}, line {i + 1}: not a checkpoint line ('{Tag} sequence=N hash=H at=TIME', as 'oversight audit checkpoint' writes it)");
            }

            checkpoints.Add(new AuditCheckpoint(number, hash, moment));
        }

        return checkpoints.Count > 0 ? (checkpoints, null) : ([], $"{fileName} holds no checkpoint");
    }
}

/// <summary>Takes checkpoints of the sealed chain and compares the chain with checkpoints taken before.</summary>
public sealed class AuditCheckpoints(OversightDbContext db, TimeProvider time)
{
    /// <summary>The chain's head now (null when nothing is sealed yet); seal first to include every committed entry.</summary>
    public async Task<AuditCheckpoint?> TakeAsync(CancellationToken cancellationToken = default) =>
        await db.AuditEntries.AsNoTracking()
            .Where(e => e.Sequence != null)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken) is { } head
            ? new AuditCheckpoint(head.Sequence!.Value, head.Hash!, time.GetUtcNow())
            : null;

    /// <summary>
    /// What does not match: the chain ends before a checkpoint's entry (entries were cut from its end), or its entry
    /// there has another hash (the chain was rewritten). Meaningful after the chain itself verified intact.
    /// </summary>
    public async Task<IReadOnlyList<string>> CompareAsync(IReadOnlyList<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        var sequences = checkpoints.Select(c => (long?)c.Sequence).Distinct().ToList();
        var hashes = await db.AuditEntries.AsNoTracking()
            .Where(e => sequences.Contains(e.Sequence))
            .ToDictionaryAsync(e => e.Sequence!.Value, e => e.Hash, cancellationToken);
        var head = await db.AuditEntries.MaxAsync(e => e.Sequence, cancellationToken) ?? 0;
        return checkpoints
            .Select(c => !hashes.TryGetValue(c.Sequence, out var hash)
                ? $"the chain ends at entry {head}, before entry {c.Sequence} of the checkpoint of {Stamp(c)}: entries were removed from its end"
                : hash != c.Hash
                    ? $"entry {c.Sequence} has another hash than at the checkpoint of {Stamp(c)}: the chain was rewritten up to there"
                    : null)
            .OfType<string>()
            .ToList();
    }

    private static string Stamp(AuditCheckpoint checkpoint) => checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
