using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;

namespace Oversight.Petitions;

/// <summary>A case another names (as its precedent), as the workflow checks it.</summary>
internal sealed record CaseLink(Guid Id, Guid UnitId, DateOnly ReceivedOn);

/// <summary>A reception session a case names, as the workflow checks it.</summary>
internal sealed record SessionLink(Guid Id, Guid UnitId);

/// <summary>
/// Where <see cref="CaseWorkflow"/> finds cases and what they name, and keeps what it changed: the database, saved after
/// each step (<see cref="SavedCases"/>), or drafts in memory that a case import writes in bulk once every row has gone
/// through (<see cref="CaseDrafts"/>).
/// </summary>
internal interface ICaseStore
{
    /// <summary>A case with its extensions and steps, whose changes the next <see cref="SaveAsync"/> keeps; null when there is none.</summary>
    Task<CitizenCase?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<bool> ReferenceTakenAsync(string reference, CancellationToken cancellationToken);

    Task<CaseLink?> FindCaseAsync(string reference, CancellationToken cancellationToken);

    Task<SessionLink?> FindSessionAsync(string reference, CancellationToken cancellationToken);

    Task<OversightUser?> FindUserAsync(string userName, CancellationToken cancellationToken);

    /// <summary>Keeps a new case, with the steps it was received with.</summary>
    Task AddAsync(CitizenCase citizenCase, CancellationToken cancellationToken);

    /// <summary>A step or an extension added to a case found or added here (it is already in the case's list).</summary>
    void AddPart(CitizenCase citizenCase, object part);

    /// <summary>
    /// Keeps the changes made to the cases found, through <paramref name="save"/> when the step keeps more than rows
    /// (files); false when another writer changed one meanwhile (nothing is kept then).
    /// </summary>
    Task<bool> SaveAsync(Func<CancellationToken, Task>? save, CancellationToken cancellationToken);

    /// <summary>Forgets the changes made since the last save.</summary>
    void Discard();
}

/// <summary>Cases in the database, each change saved (and audited, its facts kept) as the workflow makes it.</summary>
internal sealed class SavedCases(OversightDbContext db) : ICaseStore
{
    public Task<CitizenCase?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cases.Include(c => c.Extensions).Include(c => c.Steps).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public Task<bool> ReferenceTakenAsync(string reference, CancellationToken cancellationToken) =>
        db.Cases.AnyAsync(c => c.Reference == reference, cancellationToken);

    public Task<CaseLink?> FindCaseAsync(string reference, CancellationToken cancellationToken) =>
        db.Cases.Where(c => c.Reference == reference).Select(c => new CaseLink(c.Id, c.UnitId, c.ReceivedOn)).FirstOrDefaultAsync(cancellationToken);

    public Task<SessionLink?> FindSessionAsync(string reference, CancellationToken cancellationToken) =>
        db.ReceptionSessions.Where(s => s.Reference == reference).Select(s => new SessionLink(s.Id, s.UnitId)).FirstOrDefaultAsync(cancellationToken);

    public Task<OversightUser?> FindUserAsync(string userName, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);

    public async Task AddAsync(CitizenCase citizenCase, CancellationToken cancellationToken)
    {
        db.Cases.Add(citizenCase);
        await db.SaveChangesAsync(cancellationToken);
    }

    public void AddPart(CitizenCase citizenCase, object part)
    {
        // Before the case itself is added, its parts are added with it.
        if (db.Entry(citizenCase).State != EntityState.Detached)
        {
            db.Add(part);
        }
    }

    public async Task<bool> SaveAsync(Func<CancellationToken, Task>? save, CancellationToken cancellationToken)
    {
        try
        {
            if (save is null)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await save(cancellationToken);
            }

            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public void Discard() => db.ChangeTracker.Clear();
}
