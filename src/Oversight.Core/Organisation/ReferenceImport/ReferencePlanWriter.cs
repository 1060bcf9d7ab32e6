using Microsoft.EntityFrameworkCore;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// Brings the database in line with a <see cref="StructurePlan"/> in one transaction (the caller's, if one is open): adds the rows that are
/// missing, corrects the ones that differ, removes lineage and versions an earlier import made that the plan no
/// longer has, and leaves everything else alone. Every change is audited in the one hash chain; a run that
/// finds everything as planned writes nothing, not even an audit entry.
/// </summary>
/// <remarks>
/// <para>Row ids come from <see cref="ReferenceIds"/>, so the rows of an earlier run are found by id.</para>
/// <para>A first import creates some 46,000 rows; saved through EF's change tracker they cost about 15 s of CPU
/// on either provider, so new rows take a bulk path: <see cref="AuditTrail.DescribeCreates"/> describes each
/// exactly as a save would audit it, <see cref="BulkInsert"/> writes them and their audit entries
/// (<see cref="OversightDbContext.AuditEntriesOf"/>). Corrections, removals and the structure stamp go through the
/// context's own audited save, in the same transaction.</para>
/// </remarks>
internal sealed class ReferencePlanWriter(OversightDbContext db)
{
    public async Task<ReferenceImportReport> WriteAsync(StructurePlan plan, CancellationToken cancellationToken)
    {
        var unitIds = plan.Units.ToDictionary(u => u, u => ReferenceIds.For(u.Key));
        var units = plan.Units.Select(u => new Unit { Id = unitIds[u], Code = u.Code, ValidFrom = u.ValidFrom, ValidTo = u.ValidTo })
            .ToDictionary(u => u.Id);
        var versions = plan.Units.SelectMany(u => u.Versions).Select(v => new UnitVersion
        {
            Id = ReferenceIds.For(v.Key),
            UnitId = unitIds[v.Unit],
            Name = v.Name,
            SearchName = VietnameseText.Fold(v.Name),
            Kind = v.Kind,
            ParentId = v.Parent is null ? null : unitIds[v.Parent],
            ValidFrom = v.ValidFrom,
            ValidTo = v.ValidTo,
        }).ToDictionary(v => v.Id);
        var eventIds = plan.Events.ToDictionary(e => e, e => ReferenceIds.For(e.Key));
        var events = plan.Events.Select(e => new LineageEvent
        {
            Id = eventIds[e],
            Kind = e.Kind,
            Date = e.Date,
            LegalBasis = e.LegalBasis,
            Source = e.Source,
            Note = e.Note,
        }).ToDictionary(e => e.Id);
        var links = plan.Events.SelectMany(e => e.Links).Select(l => new LineageLink
        {
            Id = ReferenceIds.For(l.Key),
            EventId = eventIds[l.Event],
            PredecessorId = unitIds[l.Predecessor],
            SuccessorId = unitIds[l.Successor],
            Partial = l.Partial,
            Uncertain = l.Uncertain,
        }).ToDictionary(l => l.Id);

        var autoDetectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Joins the caller's transaction when there is one; otherwise the import is its own.
        var ownTransaction = db.Database.CurrentTransaction is null ? await WriteTransaction.BeginAsync(db.Database, cancellationToken) : null;
        try
        {
            var existingUnits = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
            var existingVersions = await db.UnitVersions.AsNoTracking().ToListAsync(cancellationToken);
            var existingEvents = await db.LineageEvents.AsNoTracking().ToListAsync(cancellationToken);
            var existingLinks = await db.LineageLinks.AsNoTracking().ToListAsync(cancellationToken);

            var changes = new Changes();
            var unitCounts = Sync(units, existingUnits, u => u.Id, SameUnit, CopyUnit, _ => false, changes);
            var versionCounts = Sync(versions, existingVersions, v => v.Id, SameVersion, CopyVersion,
                v => ReferenceIds.IsReference(v.Id) && units.ContainsKey(v.UnitId), changes);
            var eventCounts = Sync(events, existingEvents, e => e.Id, SameEvent, CopyEvent, e => ReferenceIds.IsReference(e.Id), changes);
            var linkCounts = Sync(links, existingLinks, l => l.Id, SameLink, CopyLink, l => ReferenceIds.IsReference(l.Id), changes);
            var findings = new List<ReferenceImportFinding>(plan.Findings);
            findings.AddRange(Neighbours(plan, units, existingUnits, existingVersions));

            if (changes.Created.Count + changes.Corrections.Count > 0)
            {
                var creates = await InsertAsync(changes.Created, cancellationToken);
                foreach (var correct in changes.Corrections)
                {
                    correct();
                }

                db.TouchStructureStamp();
                await db.SaveChangesAsync(cancellationToken);
                await AppendAuditAsync(creates, cancellationToken);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return new ReferenceImportReport(unitCounts, versionCounts, eventCounts, linkCounts, findings, []);
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }

            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetectChanges;
        }
    }

    /// <summary>
    /// Writes new rows through the bulk path, parents first, and returns how a save would have audited them. The
    /// descriptions are made on another thread while the database writes.
    /// </summary>
    private async Task<List<AuditTrail.AuditRecord>> InsertAsync(List<object> created, CancellationToken cancellationToken)
    {
        var model = db.Model;
        var describing = Task.Run(() => AuditTrail.DescribeCreates(model, created), cancellationToken);
        await BulkInsert.RowsAsync(db, created.OfType<Unit>().ToList(), cancellationToken);
        await BulkInsert.RowsAsync(db, created.OfType<UnitVersion>().ToList(), cancellationToken);
        await BulkInsert.RowsAsync(db, created.OfType<LineageEvent>().ToList(), cancellationToken);
        await BulkInsert.RowsAsync(db, created.OfType<LineageLink>().ToList(), cancellationToken);
        return await describing;
    }

    /// <summary>Appends the bulk-written rows' audit entries to the chain, as <see cref="OversightDbContext"/> appends its own.</summary>
    private async Task AppendAuditAsync(List<AuditTrail.AuditRecord> creates, CancellationToken cancellationToken) =>
        await BulkInsert.RowsAsync(db, db.AuditEntriesOf(creates), cancellationToken);

    /// <summary>Units in the database that this import does not yield: earlier imports' leftovers, and other units holding the same codes.</summary>
    private static IEnumerable<ReferenceImportFinding> Neighbours(StructurePlan plan, Dictionary<Guid, Unit> units, List<Unit> existingUnits, List<UnitVersion> existingVersions)
    {
        var plannedByCode = plan.Units.ToLookup(u => u.Code, StringComparer.Ordinal);
        var latestVersion = existingVersions.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.ValidFrom ?? DateOnly.MinValue)!);
        foreach (var unit in existingUnits.Where(u => !units.ContainsKey(u.Id)))
        {
            var name = latestVersion.GetValueOrDefault(unit.Id)?.Name ?? "(no name)";
            if (ReferenceIds.IsReference(unit.Id))
            {
                yield return new(ReferenceFindingKind.Quirk, $"{unit.Code} {name}, made by an earlier reference import, is not in the reference data any more; it was left in place for an administrator to remove or keep.");
            }
            else if (latestVersion.GetValueOrDefault(unit.Id)?.Kind.IsAdministrative() == true
                && plannedByCode[unit.Code].Any(p => Dates.Overlap(p.ValidFrom, p.ValidTo, unit.ValidFrom, unit.ValidTo)))
            {
                yield return new(ReferenceFindingKind.Quirk, $"{unit.Code} {name} was not made by the reference import, yet carries a code the reference data gives a unit on overlapping dates; the registry now holds both.");
            }
        }
    }

    /// <summary>What differs between the plan and the database: rows to create, and corrections and removals to apply once they exist.</summary>
    private sealed class Changes
    {
        public List<object> Created { get; } = [];

        public List<Action> Corrections { get; } = [];
    }

    /// <summary>Compares planned rows with existing ones, collecting the differences into <paramref name="changes"/>.</summary>
    private ReferenceImportCounts Sync<T>(Dictionary<Guid, T> planned, List<T> existing, Func<T, Guid> id,
        Func<T, T, bool> same, Action<T, T> copy, Func<T, bool> removable, Changes changes)
        where T : class
    {
        int updated = 0, unchanged = 0, removed = 0;
        var existingById = existing.ToDictionary(id);
        foreach (var (key, wanted) in planned)
        {
            if (!existingById.TryGetValue(key, out var row))
            {
                changes.Created.Add(wanted);
            }
            else if (same(row, wanted))
            {
                unchanged++;
            }
            else
            {
                changes.Corrections.Add(() =>
                {
                    db.Attach(row);
                    copy(row, wanted);
                });
                updated++;
            }
        }

        foreach (var row in existing.Where(r => !planned.ContainsKey(id(r)) && removable(r)))
        {
            changes.Corrections.Add(() => db.Remove(row));
            removed++;
        }

        return new ReferenceImportCounts(planned.Count, planned.Count - updated - unchanged, updated, unchanged, removed);
    }

    private static bool SameUnit(Unit a, Unit b) => a.Code == b.Code && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo;

    private static void CopyUnit(Unit row, Unit wanted)
    {
        row.ValidFrom = wanted.ValidFrom;
        row.ValidTo = wanted.ValidTo;
    }

    private static bool SameVersion(UnitVersion a, UnitVersion b) =>
        a.Name == b.Name && a.SearchName == b.SearchName && a.Kind == b.Kind && a.ParentId == b.ParentId && a.ValidFrom == b.ValidFrom && a.ValidTo == b.ValidTo;

    private static void CopyVersion(UnitVersion row, UnitVersion wanted)
    {
        row.Name = wanted.Name;
        row.SearchName = wanted.SearchName;
        row.Kind = wanted.Kind;
        row.ParentId = wanted.ParentId;
        row.ValidFrom = wanted.ValidFrom;
        row.ValidTo = wanted.ValidTo;
    }

    private static bool SameEvent(LineageEvent a, LineageEvent b) =>
        a.Kind == b.Kind && a.Date == b.Date && a.LegalBasis == b.LegalBasis && a.Source == b.Source && a.Note == b.Note;

    private static void CopyEvent(LineageEvent row, LineageEvent wanted)
    {
        row.Kind = wanted.Kind;
        row.Date = wanted.Date;
        row.LegalBasis = wanted.LegalBasis;
        row.Source = wanted.Source;
        row.Note = wanted.Note;
    }

    private static bool SameLink(LineageLink a, LineageLink b) => a.Partial == b.Partial && a.Uncertain == b.Uncertain;

    private static void CopyLink(LineageLink row, LineageLink wanted)
    {
        row.Partial = wanted.Partial;
        row.Uncertain = wanted.Uncertain;
    }
}
