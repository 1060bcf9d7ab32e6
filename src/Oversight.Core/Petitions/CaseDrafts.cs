using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Indicators;

namespace Oversight.Petitions;

/// <summary>
/// The new cases of an import, taken through <see cref="CaseWorkflow"/> in memory, then written a batch at a time through
/// the bulk path: rows, audit entries and facts exactly as saving each step would have left them, at a fraction of the cost.
/// </summary>
/// <remarks>
/// What the rows name is read a chunk of rows at a time, before the chunk's first row (<see cref="ReadAsync"/>): the register
/// numbers already recorded, the reception sessions and the accounts. A case earlier in the file that a later row names as
/// its precedent (<see cref="NamedAsPrecedent"/>) is found by its register number among the drafts made so far; of the
/// other drafts nothing stays in memory once they are written. Each case is audited as created in the
/// state its row leaves it in, with its steps and extensions; its facts are written as a save writes them
/// (<see cref="IndicatorFacts.BeginAsync(OversightDbContext, IReadOnlyList{ValueTuple{Type, bool, Guid[]}}, CancellationToken)"/>).
/// A batch is written in the import's transaction as soon as it is full, so that memory holds one batch of drafts, not
/// the file's; the transaction keeps them invisible until every row has succeeded.
/// </remarks>
internal sealed class CaseDrafts : ICaseStore
{
    /// <summary>
    /// Cases written at a time: the ids of a batch are read back for their facts as one parameter. A batch lives from its
    /// first draft to its writing, long enough for the collector to move it to its oldest generation, where it stays until
    /// a full collection: batches of 10,000 left a 200,000-row import at 474 MB resident, batches of 2,000 at 299 MB.
    /// </summary>
    private const int Batch = 2_000;

    /// <summary>The drafts not written yet, in the order they were made (a precedent before the case naming it).</summary>
    private readonly List<CitizenCase> pending = [];
    private readonly Dictionary<Guid, CitizenCase> pendingById = [];

    /// <summary>The register numbers rows name as their precedent.</summary>
    private readonly HashSet<string> precedents = new(StringComparer.Ordinal);

    /// <summary>The drafts made whose register number a row names as its precedent.</summary>
    private readonly Dictionary<string, CaseLink> drafted = new(StringComparer.Ordinal);

    private Dictionary<string, CaseLink> recorded = [];
    private Dictionary<string, SessionLink> sessions = [];
    private Dictionary<string, OversightUser> users = [];

    /// <summary>A row names <paramref name="reference"/> as its precedent: a draft made under it stays findable.</summary>
    public void NamedAsPrecedent(string reference) => precedents.Add(reference);

    /// <summary>
    /// Reads what the next rows name, in place of what the rows before named: the cases recorded under
    /// <paramref name="caseReferences"/> (the rows' own and their precedents), the sessions under
    /// <paramref name="sessionReferences"/> and the accounts of <paramref name="userNames"/>.
    /// </summary>
    public async Task ReadAsync(
        OversightDbContext db, IEnumerable<string> caseReferences, IEnumerable<string> sessionReferences, IEnumerable<string> userNames, CancellationToken cancellationToken)
    {
        var caseList = caseReferences.Distinct(StringComparer.Ordinal).ToList();
        recorded = await db.Cases.AsNoTracking().Where(c => caseList.Contains(c.Reference))
            .ToDictionaryAsync(c => c.Reference, c => new CaseLink(c.Id, c.UnitId, c.ReceivedOn), StringComparer.Ordinal, cancellationToken);
        var sessionList = sessionReferences.Distinct(StringComparer.Ordinal).ToList();
        sessions = await db.ReceptionSessions.AsNoTracking().Where(s => sessionList.Contains(s.Reference))
            .ToDictionaryAsync(s => s.Reference, s => new SessionLink(s.Id, s.UnitId), StringComparer.Ordinal, cancellationToken);
        var userList = userNames.Distinct(StringComparer.Ordinal).ToList();
        users = await db.Users.AsNoTracking().Where(u => userList.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>Whether a case is recorded under <paramref name="reference"/> (before this import).</summary>
    public bool IsRecorded(string reference) => recorded.ContainsKey(reference);

    /// <summary>A draft not written yet: the workflow finds a row's own case, whose batch is still open.</summary>
    public Task<CitizenCase?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(pendingById.GetValueOrDefault(id));

    public Task<bool> ReferenceTakenAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(recorded.ContainsKey(reference) || drafted.ContainsKey(reference));

    public Task<CaseLink?> FindCaseAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(drafted.GetValueOrDefault(reference) ?? recorded.GetValueOrDefault(reference));

    public Task<SessionLink?> FindSessionAsync(string reference, CancellationToken cancellationToken) => Task.FromResult(sessions.GetValueOrDefault(reference));

    public Task<OversightUser?> FindUserAsync(string userName, CancellationToken cancellationToken) => Task.FromResult(users.GetValueOrDefault(userName));

    public Task AddAsync(CitizenCase citizenCase, CancellationToken cancellationToken)
    {
        pending.Add(citizenCase);
        pendingById[citizenCase.Id] = citizenCase;
        if (precedents.Contains(citizenCase.Reference))
        {
            drafted[citizenCase.Reference] = new CaseLink(citizenCase.Id, citizenCase.UnitId, citizenCase.ReceivedOn);
        }

        return Task.CompletedTask;
    }

    /// <summary>Nothing to do: a draft's steps and extensions are in its lists.</summary>
    public void AddPart(CitizenCase citizenCase, object part)
    {
    }

    /// <summary>Nothing to do: drafts are kept as they are changed, and written by <see cref="FlushAsync"/>; an import's steps keep no files.</summary>
    public Task<bool> SaveAsync(Func<CancellationToken, Task>? save, CancellationToken cancellationToken) =>
        save is null ? Task.FromResult(true) : throw new InvalidOperationException("A case import's steps keep no files.");

    /// <summary>Nothing to do: a step that fails changes nothing before it fails, and its row fails the import.</summary>
    public void Discard()
    {
    }

    /// <summary>
    /// Writes the drafts not written yet once they fill a batch, or all of them at the <paramref name="end"/>, in the
    /// current transaction: the cases, their steps and extensions, their audit entries and the change of the facts.
    /// When not to <paramref name="keep"/> them (a row has failed, or this is a dry run), forgets them instead.
    /// </summary>
    public async Task FlushAsync(OversightDbContext db, IndicatorFacts facts, bool keep, bool end, CancellationToken cancellationToken)
    {
        if (pending.Count == 0 || (pending.Count < Batch && !end))
        {
            return;
        }

        if (keep)
        {
            await WriteAsync(db, facts, pending, cancellationToken);
        }

        pending.Clear();
        pendingById.Clear();
    }

    private static async Task WriteAsync(OversightDbContext db, IndicatorFacts facts, List<CitizenCase> batch, CancellationToken cancellationToken)
    {
        foreach (var citizenCase in batch)
        {
            citizenCase.UpdateDerived();
        }

        var steps = batch.SelectMany(c => c.Steps).ToList();
        var extensions = batch.SelectMany(c => c.Extensions).ToList();
        var model = db.Model;
        var describing = Task.Run(() => AuditTrail.DescribeCreates(model, [.. batch, .. steps, .. extensions]), cancellationToken);
        var change = await facts.BeginAsync(db, [(typeof(CitizenCase), true, batch.Select(c => c.Id).ToArray())], cancellationToken);
        await BulkInsert.RowsAsync(db, batch, cancellationToken);
        await BulkInsert.RowsAsync(db, steps, cancellationToken);
        await BulkInsert.RowsAsync(db, extensions, cancellationToken);
        if (change is not null)
        {
            await change.WriteAsync(cancellationToken);
        }

        await BulkInsert.RowsAsync(db, db.AuditEntriesOf(await describing), cancellationToken);
    }
}
