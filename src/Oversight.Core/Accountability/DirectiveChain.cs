using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed record ChainEvent(DisseminationEvent Event, string Organiser, int Invited, int Attended);

public sealed record ChainFinding(string Text, IReadOnlyList<string> Manifestations);

public sealed record ChainTask(FollowUpTask Task, string Owner, bool Overdue);

/// <summary>What an inspection looked at: a unit's or organisation's name, or a member's.</summary>
public sealed record ChainTarget(TargetKind Kind, string Name);

public sealed record ChainInspection(Inspection Inspection, string DecidedBy, IReadOnlyList<ChainTarget> Targets, IReadOnlyList<ChainFinding> Findings, IReadOnlyList<ChainTask> Tasks);

/// <summary>An inspection on its own page, with the directive it looks at.</summary>
public sealed record InspectionView(ChainInspection Item, Guid? DirectiveId, string? DirectiveSymbol);

public sealed record ChainDecision(DisciplineDecision Decision, string Subject, IReadOnlyList<string> Manifestations);

public sealed record ChainMove(PersonnelMove Move, string Person, string From, string To);

/// <summary>
/// A directive and everything that cites it, as far as the caller's scope reaches: its dissemination, the study of
/// its units, the inspections of its implementation with their findings and follow-up tasks, the discipline decisions
/// that name its manifestations or come from those inspections, and the moves made under it.
/// </summary>
public sealed record DirectiveChainView(
    Directive Directive,
    IReadOnlyList<string> AppliedWith,
    IReadOnlyList<ChainEvent> Events,
    Ratio UnitsCompleted,
    int MembersReached,
    IReadOnlyList<ChainInspection> Inspections,
    IReadOnlyList<ChainDecision> Decisions,
    IReadOnlyList<ChainMove> Moves);

/// <summary>
/// The directives and each one's chain. Directives are documents everyone signed in may read; what cites them is
/// shown only where the caller's scope reaches: an inspection when it was decided by, or looked at, or set tasks for
/// a unit in scope; a task, decision or move of a unit in scope.
/// </summary>
public sealed class DirectiveChain(CallerScope scope, OversightDbContext db, TimeProvider time)
{
    public Task<List<Directive>> ListAsync(CancellationToken cancellationToken = default) =>
        db.Directives.AsNoTracking().OrderByDescending(d => d.IssuedOn).ThenBy(d => d.Symbol).ToListAsync(cancellationToken);

    /// <summary>
    /// The directives, newest first, whose symbol, issuing body or title hold every word of <paramref name="search"/>
    /// (case, diacritics and đ/Đ ignored), up to <paramref name="limit"/> and one more to tell that more match.
    /// </summary>
    /// <remarks>
    /// Folded here rather than in the database: directives have no folded search text, and they are few (a few a year,
    /// the whole register is one page), so reading them all costs less than a query per word would.
    /// </remarks>
    public async Task<IReadOnlyList<Directive>> SearchAsync(string search, int limit, CancellationToken cancellationToken = default)
    {
        var words = SearchPattern.FoldedWords(search);
        return words.Count == 0
            ? []
            : (await ListAsync(cancellationToken))
                .Where(d => VietnameseText.Fold($"{d.Symbol} {d.IssuingBody} {d.Title}") is var text && words.All(w => text.Contains(w, StringComparison.Ordinal)))
                .Take(limit + 1)
                .ToList();
    }

    /// <summary>A directive by id, without what cites it; null when there is none.</summary>
    public Task<Directive?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Directives.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);

    public async Task<DirectiveChainView?> ForAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var directive = await db.Directives.AsNoTracking().AsSplitQuery()
            .Include(d => d.Tasks).Include(d => d.Manifestations).Include(d => d.AppliedWith)
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (directive is null)
        {
            return null;
        }

        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        string UnitName(Guid? unitId, DateOnly day) => unitId is { } unit ? graph.NameOn(unit, day) : string.Empty;
        var codes = directive.Manifestations.ToDictionary(m => m.Id, m => m.Code);

        var otherIds = directive.AppliedWith.Select(l => l.OtherDirectiveId).ToList();
        var appliedWith = await db.Directives.AsNoTracking().Where(d => otherIds.Contains(d.Id)).Select(d => d.Symbol).ToListAsync(cancellationToken);

        var events = (await db.DisseminationEvents.AsNoTracking().Include(e => e.Attendance)
                .Where(e => e.Directives.Any(d => d.DirectiveId == id)).OrderBy(e => e.HeldOn).ToListAsync(cancellationToken))
            .Select(e => (Event: e, Attendance: e.Attendance.Where(a => filter.Contains(a.UnitId)).ToList()))
            .Where(e => filter.Contains(e.Event.OrganiserUnitId) || e.Attendance.Count > 0)
            .Select(e => new ChainEvent(e.Event, UnitName(e.Event.OrganiserUnitId, e.Event.HeldOn), e.Attendance.Sum(a => a.Invited), e.Attendance.Sum(a => a.Attended)))
            .ToList();
        var completions = (await db.DisseminationCompletions.AsNoTracking().Where(c => c.DirectiveId == id).ToListAsync(cancellationToken))
            .Where(c => filter.Contains(c.UnitId)).ToList();
        var completed = completions.Count(c => DisseminationCompletion.OnTime(c.CompletedOn, directive.DisseminationDueOn, today));

        var inspections = await InspectionsAsync(db.Inspections.Where(i => i.DirectiveId == id), codes, filter, graph, today, cancellationToken);
        var inspectionIds = inspections.Select(i => i.Inspection.Id).ToList();

        var manifestationIds = codes.Keys.ToList();
        var decisions = (await db.DisciplineDecisions.AsNoTracking().Include(d => d.Manifestations)
                .Where(d => d.Manifestations.Any(m => manifestationIds.Contains(m.ManifestationId)) || (d.SourceInspectionId != null && inspectionIds.Contains(d.SourceInspectionId.Value)))
                .OrderBy(d => d.DecidedOn).ThenBy(d => d.DecisionNumber).ToListAsync(cancellationToken))
            .Where(d => filter.Contains(d.DecidingUnitId) || (d.SubjectUnitId is { } unit && filter.Contains(unit)))
            .ToList();
        var moves = (await db.PersonnelMoves.AsNoTracking().Where(m => m.DirectiveId == id).OrderBy(m => m.EffectiveOn).ThenBy(m => m.Reference).ToListAsync(cancellationToken))
            .Where(m => filter.Contains(m.FromUnitId) || filter.Contains(m.ToUnitId))
            .ToList();
        var personIds = decisions.Select(d => d.SubjectPersonId).OfType<Guid>().Concat(moves.Select(m => m.PersonId)).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);

        return new DirectiveChainView(
            directive,
            appliedWith,
            events,
            new Ratio(completed, completions.Count),
            completions.Where(c => c.CompletedOn is not null).Sum(c => c.MembersReached),
            inspections,
            decisions.Select(d => new ChainDecision(
                d,
                d.SubjectPersonId is { } person ? names.GetValueOrDefault(person, string.Empty) : UnitName(d.SubjectUnitId, d.DecidedOn),
                CodesOf(codes, d.Manifestations.Select(m => m.ManifestationId)))).ToList(),
            moves.Select(m => new ChainMove(m, names.GetValueOrDefault(m.PersonId, string.Empty), UnitName(m.FromUnitId, m.EffectiveOn.AddDays(-1)), UnitName(m.ToUnitId, m.EffectiveOn))).ToList());
    }

    /// <summary>
    /// An inspection with its team, targets, findings and the tasks of units in scope, and the directive whose
    /// appendix its findings cite; null when the caller's scope does not reach it.
    /// </summary>
    public async Task<InspectionView?> InspectionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var directive = await db.Inspections.Where(i => i.Id == id)
            .Select(i => db.Directives.Where(d => d.Id == i.DirectiveId).Select(d => new { d.Id, d.Symbol }).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);
        var codes = directive is null
            ? []
            : await db.Manifestations.AsNoTracking().Where(m => m.DirectiveId == directive.Id).ToDictionaryAsync(m => m.Id, m => m.Code, cancellationToken);
        var inspections = await InspectionsAsync(
            db.Inspections.Where(i => i.Id == id), codes, await scope.FilterAsync(cancellationToken), await scope.GraphAsync(cancellationToken), VietnamTime.Today(time), cancellationToken);
        return inspections.SingleOrDefault() is { } inspection ? new InspectionView(inspection, directive?.Id, directive?.Symbol) : null;
    }

    /// <summary>
    /// The inspections of a query the caller's scope reaches (decided by, looking at, or setting tasks for a unit in
    /// scope), each with its findings' manifestation codes and the tasks of units in scope.
    /// </summary>
    private async Task<List<ChainInspection>> InspectionsAsync(
        IQueryable<Inspection> query, IReadOnlyDictionary<Guid, string> codes, ScopeFilter filter, UnitGraph graph, DateOnly today, CancellationToken cancellationToken)
    {
        var inspections = await query.AsNoTracking().AsSplitQuery()
            .Include(i => i.Team).Include(i => i.Targets).Include(i => i.Findings).ThenInclude(f => f.Manifestations)
            .OrderBy(i => i.DecidedOn).ToListAsync(cancellationToken);
        var inspectionIds = inspections.Select(i => i.Id).ToList();
        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => inspectionIds.Contains(t.InspectionId)).OrderBy(t => t.DueOn).ThenBy(t => t.Reference).ToListAsync(cancellationToken);
        var personIds = inspections.SelectMany(i => i.Targets).Select(t => t.PersonId).OfType<Guid>().Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        return inspections
            .Select(i => (Inspection: i, Tasks: tasks.Where(t => t.InspectionId == i.Id && filter.Contains(t.OwnerUnitId)).ToList()))
            .Where(i => filter.Contains(i.Inspection.DecidingUnitId) || i.Inspection.Targets.Any(t => t.UnitId is { } unit && filter.Contains(unit)) || i.Tasks.Count > 0)
            .Select(i => new ChainInspection(
                i.Inspection,
                NameOf(graph, i.Inspection.DecidingUnitId, i.Inspection.DecidedOn),
                i.Inspection.Targets.Select(t => new ChainTarget(t.Kind, t.PersonId is { } person ? people.GetValueOrDefault(person, string.Empty) : NameOf(graph, t.UnitId, i.Inspection.DecidedOn))).ToList(),
                i.Inspection.Findings.Select(f => new ChainFinding(f.Text, CodesOf(codes, f.Manifestations.Select(m => m.ManifestationId)))).ToList(),
                i.Tasks.Select(t => new ChainTask(t, NameOf(graph, t.OwnerUnitId, t.DueOn), FollowUpTask.IsOverdue(t.DueOn, t.DoneOn, today))).ToList()))
            .ToList();
    }

    private static string NameOf(UnitGraph graph, Guid? unitId, DateOnly day) =>
        unitId is { } unit ? graph.NameOn(unit, day) : string.Empty;

    private static IReadOnlyList<string> CodesOf(IReadOnlyDictionary<Guid, string> codes, IEnumerable<Guid> manifestationIds) =>
        manifestationIds.Select(m => codes.GetValueOrDefault(m)).OfType<string>().Order(StringComparer.Ordinal).ToList();
}
