using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>What an accountability register lists: a unit's subtree as of a day, and a period of the records' dates.</summary>
/// <param name="UnitCode">The unit whose subtree is listed; null for the caller's whole scope.</param>
/// <param name="UnitAsOf">The day the unit code is read on; the period's end, or today, when not given.</param>
/// <param name="From">First day, inclusive; null for no lower bound.</param>
/// <param name="To">Last day, inclusive; null for no upper bound.</param>
/// <param name="Search">
/// Words that must all occur in a record's number or text, with or without diacritics; only the registers of
/// inspections and tasks read them.
/// </param>
public sealed record AccountabilityFilter(string? UnitCode, DateOnly? UnitAsOf, DateOnly? From, DateOnly? To, string? Search = null);

/// <summary>What the task register filters on: a status, or overdue, which is not a status (see <see cref="FollowUpTask"/>).</summary>
public enum TaskState
{
    Open,
    InProgress,

    /// <summary>Reported done by the unit, waiting for the inspecting body to accept or return the report.</summary>
    Reported,
    Done,
    Overdue,
}

/// <summary>How a dissemination event was held.</summary>
public enum EventFormat
{
    InPerson,
    Online,
}

public sealed record InspectionRow(Guid Id, string Reference, InspectionKind Kind, DateOnly DecidedOn, string Title, string DecidedBy, DateOnly? ConcludedOn, int Targets, int Tasks);

public sealed record TaskRow(
    Guid Id, string Reference, Guid InspectionId, string InspectionReference, string Owner, string Description, DateOnly DueOn, FollowUpStatus Status, DateOnly? DoneOn, bool Overdue);

public sealed record DecisionRow(Guid Id, string DecisionNumber, DateOnly DecidedOn, DecidingBody Body, string DecidedBy, DisciplineSubject Subject, string SubjectName, DisciplineForm Form);

public sealed record MoveRow(
    Guid Id, string Reference, DateOnly EffectiveOn, string Person, MoveKind Kind, PostKind PostKind, string From, string FromTitle, string To, string ToTitle, MoveReason Reason);

/// <summary>A dissemination event as its register lists it: the units taking part and their attendance, within the caller's scope.</summary>
public sealed record EventRow(Guid Id, string Reference, DateOnly HeldOn, string Title, string Organiser, bool Online, int Units, int Invited, int Attended);

/// <summary>
/// Open tasks of one unit or one inspection past their deadline, and due within <see cref="AccountabilityRegister.DueSoonDays"/>;
/// <c>Code</c> is the unit's code, null for an inspection.
/// </summary>
public sealed record TaskWarning(Guid Id, string Name, string? Code, int Overdue, int DueSoon);

/// <summary>The follow-up tasks that need attention today: overdue, or due by <c>DueSoonUntil</c>; the units and inspections with most overdue first.</summary>
public sealed record TaskWarnings(DateOnly Today, DateOnly DueSoonUntil, int Overdue, int DueSoon, IReadOnlyList<TaskWarning> ByUnit, IReadOnlyList<TaskWarning> ByInspection);

public sealed record ManifestationView(string Code, string Text);

public sealed record DecisionView(
    DisciplineDecision Decision, string DecidedBy, string SubjectName, string? SubjectUnit, InspectionRef? SourceInspection, IReadOnlyList<ManifestationView> Manifestations);

public sealed record InspectionRef(Guid Id, string Reference);

public sealed record DirectiveRef(Guid Id, string Symbol);

public sealed record MoveView(PersonnelMove Move, string Person, string From, string To, string DecidedBy, DirectiveRef? Directive);

public sealed record AttendanceView(string Unit, int Invited, int Attended);

public sealed record EventView(DisseminationEvent Event, string Organiser, IReadOnlyList<DirectiveRef> Directives, IReadOnlyList<AttendanceView> Attendance);

/// <summary>
/// The read side of inspections, follow-up tasks, discipline decisions, personnel moves and dissemination events as
/// the caller may see them: the registers (filters run in the database, newest first, a page at a time) and the
/// record pages with their audit history. The scope rules are those of <see cref="DirectiveChain"/>: an inspection is
/// seen when it was decided by, looked at, or set tasks for a unit in scope; a task by its owner; a decision by its
/// deciding body or the organisation (the member's branch) disciplined; a move by the unit moved from or to; an event
/// by its organiser or a unit taking part. A unit filter narrows the same rules to the unit's subtree.
/// </summary>
public sealed class AccountabilityRegister(CallerScope scope, OversightDbContext db, TimeProvider time)
{
    /// <summary>A task due within this many days from today (inclusive) is "due soon".</summary>
    public const int DueSoonDays = 7;

    /// <summary>How many units and inspections the task warnings name at most.</summary>
    public const int WarningsShown = 20;

    private const int HistoryShown = 100;

    /// <summary>One page (from 1) of <see cref="InspectionsAsync(AccountabilityFilter, InspectionKind?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<InspectionRow>?> InspectionsAsync(AccountabilityFilter filter, InspectionKind? kind, int page, int pageSize, CancellationToken cancellationToken = default) =>
        InspectionsAsync(filter, kind, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    public async Task<RegisterPage<InspectionRow>?> InspectionsAsync(AccountabilityFilter filter, InspectionKind? kind, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = WithWords(Within(InspectionsOf(units.Ids), i => i.DecidedOn, filter), filter.Search, i => i.SearchText);
        if (kind is { } wanted)
        {
            query = query.Where(i => i.Kind == wanted);
        }

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(i => i.DecidedOn).ThenByDescending(i => i.Id)
                .Select(i => new { i.Id, i.Reference, i.Kind, i.DecidedOn, i.Title, i.DecidingUnitId, i.ConcludedOn }),
            slice,
            async (shown, cancel) =>
            {
                var ids = shown.Select(i => i.Id).ToList();
                var targets = await CountByAsync(db.InspectionTargets.Where(t => ids.Contains(t.InspectionId)), t => t.InspectionId, cancel);
                var tasks = await CountByAsync(db.FollowUpTasks.Where(t => ids.Contains(t.InspectionId)), t => t.InspectionId, cancel);
                return shown.Select(i => new InspectionRow(
                    i.Id, i.Reference, i.Kind, i.DecidedOn, i.Title, units.Graph.NameOn(i.DecidingUnitId, i.DecidedOn), i.ConcludedOn,
                    targets.GetValueOrDefault(i.Id), tasks.GetValueOrDefault(i.Id))).ToList();
            },
            cancellationToken);
    }

    /// <summary>One page (from 1) of <see cref="TasksAsync(AccountabilityFilter, TaskState?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<TaskRow>?> TasksAsync(AccountabilityFilter filter, TaskState? state, int page, int pageSize, CancellationToken cancellationToken = default) =>
        TasksAsync(filter, state, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    /// <summary>Tasks by due date, latest first; the period is of due dates, overdue is as of today.</summary>
    public async Task<RegisterPage<TaskRow>?> TasksAsync(AccountabilityFilter filter, TaskState? state, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = WithWords(Within(TasksOf(units.Ids), t => t.DueOn, filter), filter.Search, t => t.SearchText);
        query = state switch
        {
            TaskState.Open => query.Where(t => t.Status == FollowUpStatus.Open),
            TaskState.InProgress => query.Where(t => t.Status == FollowUpStatus.InProgress),
            TaskState.Reported => query.Where(t => t.Status == FollowUpStatus.Reported),
            TaskState.Done => query.Where(t => t.Status == FollowUpStatus.Done),

            // The status narrows the rows the rule has to look at to those of open work (an index of status and due date).
            TaskState.Overdue => query.Where(t => t.Status == FollowUpStatus.Open || t.Status == FollowUpStatus.InProgress || t.Status == FollowUpStatus.Reported).Where(FollowUpTask.OverdueOn(units.Today)),
            _ => query,
        };

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(t => t.DueOn).ThenByDescending(t => t.Id),
            slice,
            (shown, cancel) => TaskRowsAsync(shown, units.Graph, units.Today, cancel),
            cancellationToken);
    }

    private async Task<List<TaskRow>> TaskRowsAsync(IReadOnlyList<FollowUpTask> shown, UnitGraph graph, DateOnly today, CancellationToken cancellationToken)
    {
        var references = await ReferencesAsync(shown.Select(t => t.InspectionId), cancellationToken);
        return shown.Select(t => new TaskRow(
            t.Id, t.Reference, t.InspectionId, references.GetValueOrDefault(t.InspectionId, string.Empty), graph.NameOn(t.OwnerUnitId, t.DueOn), t.Description,
            t.DueOn, t.Status, t.DoneOn, FollowUpTask.IsOverdue(t.DueOn, t.DoneOn, today))).ToList();
    }

    /// <summary>
    /// The tasks reported done that the caller answers for the inspecting body (the inspection's deciding unit is in
    /// the caller's scope), the longest waiting first, at most <paramref name="limit"/>, with how many there are.
    /// </summary>
    public async Task<(IReadOnlyList<TaskRow> Rows, int Count)> TasksToVerifyAsync(int limit, CancellationToken cancellationToken = default)
    {
        // Reports wait days for their answer: the reported tasks of the whole country are few, and read with their deciding units.
        var filter = await scope.FilterAsync(cancellationToken);
        var reported = (await (
                from t in db.FollowUpTasks.AsNoTracking()
                join i in db.Inspections on t.InspectionId equals i.Id
                where t.Status == FollowUpStatus.Reported
                select new { Task = t, i.DecidingUnitId })
            .ToListAsync(cancellationToken))
            .Where(r => filter.Contains(r.DecidingUnitId))
            .Select(r => r.Task)
            .OrderBy(t => t.ReportedDoneOn).ThenBy(t => t.Id)
            .ToList();
        var graph = await scope.GraphAsync(cancellationToken);
        return (await TaskRowsAsync(reported.Take(limit).ToList(), graph, VietnamTime.Today(time), cancellationToken), reported.Count);
    }

    /// <summary>Open tasks of the filter's units overdue today or due within <see cref="DueSoonDays"/> days, counted per unit and per inspection (the period does not apply).</summary>
    public async Task<TaskWarnings?> TaskWarningsAsync(AccountabilityFilter filter, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var today = units.Today;
        var until = today.AddDays(DueSoonDays);

        // Not done by today and due by the window's end: those due before today are exactly the overdue ones (FollowUpTask.IsOverdue).
        // The statuses as a list, not "not done": a range of the covering index on status and due date for each.
        // Counted and ranked in the database, which returns the totals and the first units and inspections only:
        // reading every open task of the country into memory (20,000 of 100,000) took 60-250 ms.
        var pending = PendingTasksOf(units.Ids)
            .Where(t => (t.Status == FollowUpStatus.Open || t.Status == FollowUpStatus.InProgress) && t.DueOn <= until && !(t.DoneOn <= today));
        var overdue = await pending.CountAsync(t => t.DueOn < today, cancellationToken);
        var dueSoon = await pending.CountAsync(t => t.DueOn >= today, cancellationToken);

        // Ties go by id, which orders the same in memory (Guid.CompareTo), in SQLite (text) and in PostgreSQL (uuid).
        async Task<List<(Guid Id, int Overdue, int DueSoon)>> MostAsync(Expression<Func<FollowUpTask, Guid>> key) =>
            (await pending.GroupBy(key)
                .Select(g => new { g.Key, Overdue = g.Count(t => t.DueOn < today), DueSoon = g.Count(t => t.DueOn >= today) })
                .OrderByDescending(g => g.Overdue).ThenByDescending(g => g.DueSoon).ThenBy(g => g.Key)
                .Take(WarningsShown)
                .ToListAsync(cancellationToken))
            .Select(g => (g.Key, g.Overdue, g.DueSoon))
            .ToList();
        var byUnit = overdue + dueSoon == 0 ? [] : await MostAsync(t => t.OwnerUnitId);
        var byInspection = overdue + dueSoon == 0 ? [] : await MostAsync(t => t.InspectionId);
        var references = await ReferencesAsync(byInspection.Select(g => g.Id), cancellationToken);

        return new TaskWarnings(
            today,
            until,
            overdue,
            dueSoon,
            byUnit
                .Select(g => (Count: g, Unit: units.Graph.At(g.Id, today) ?? units.Graph.Latest(g.Id)))
                .Select(g => new TaskWarning(g.Count.Id, g.Unit?.Name ?? string.Empty, g.Unit?.Code, g.Count.Overdue, g.Count.DueSoon))
                .ToList(),
            byInspection.Select(g => new TaskWarning(g.Id, references.GetValueOrDefault(g.Id, string.Empty), null, g.Overdue, g.DueSoon)).ToList());
    }

    /// <summary>One page (from 1) of <see cref="DecisionsAsync(AccountabilityFilter, DecidingBody?, DisciplineForm?, DisciplineSubject?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<DecisionRow>?> DecisionsAsync(
        AccountabilityFilter filter, DecidingBody? body, DisciplineForm? form, DisciplineSubject? subject, int page, int pageSize, CancellationToken cancellationToken = default) =>
        DecisionsAsync(filter, body, form, subject, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    public async Task<RegisterPage<DecisionRow>?> DecisionsAsync(
        AccountabilityFilter filter, DecidingBody? body, DisciplineForm? form, DisciplineSubject? subject, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = Within(DecisionsOf(units.Ids), d => d.DecidedOn, filter);
        if (body is { } wantedBody)
        {
            query = query.Where(d => d.Body == wantedBody);
        }

        if (form is { } wantedForm)
        {
            query = query.Where(d => d.Form == wantedForm);
        }

        if (subject is { } wantedSubject)
        {
            query = query.Where(d => d.Subject == wantedSubject);
        }

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(d => d.DecidedOn).ThenByDescending(d => d.Id),
            slice,
            async (shown, cancel) =>
            {
                var people = await PeopleAsync(shown.Select(d => d.SubjectPersonId), cancel);
                return shown.Select(d => new DecisionRow(
                    d.Id, d.DecisionNumber, d.DecidedOn, d.Body, units.Graph.NameOn(d.DecidingUnitId, d.DecidedOn), d.Subject,
                    (d.SubjectPersonId is { } person ? people.GetValueOrDefault(person) : null) ?? (d.SubjectUnitId is { } unit ? units.Graph.NameOn(unit, d.DecidedOn) : string.Empty),
                    d.Form)).ToList();
            },
            cancellationToken);
    }

    /// <summary>One page (from 1) of <see cref="MovesAsync(AccountabilityFilter, MoveReason?, PostKind?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<MoveRow>?> MovesAsync(AccountabilityFilter filter, MoveReason? reason, PostKind? postKind, int page, int pageSize, CancellationToken cancellationToken = default) =>
        MovesAsync(filter, reason, postKind, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    public async Task<RegisterPage<MoveRow>?> MovesAsync(AccountabilityFilter filter, MoveReason? reason, PostKind? postKind, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = Within(MovesOf(units.Ids), m => m.EffectiveOn, filter);
        if (reason is { } wantedReason)
        {
            query = query.Where(m => m.Reason == wantedReason);
        }

        if (postKind is { } wantedKind)
        {
            query = query.Where(m => m.PostKind == wantedKind);
        }

        return await RegisterPage.ReadAsync(
            query.OrderByDescending(m => m.EffectiveOn).ThenByDescending(m => m.Id),
            slice,
            async (shown, cancel) =>
            {
                var people = await PeopleAsync(shown.Select(m => (Guid?)m.PersonId), cancel);
                return shown.Select(m => new MoveRow(
                    m.Id, m.Reference, m.EffectiveOn, people.GetValueOrDefault(m.PersonId, string.Empty), m.Kind, m.PostKind,
                    units.Graph.NameOn(m.FromUnitId, m.EffectiveOn.AddDays(-1)), m.FromTitle, units.Graph.NameOn(m.ToUnitId, m.EffectiveOn), m.ToTitle, m.Reason)).ToList();
            },
            cancellationToken);
    }

    /// <summary>One page (from 1) of <see cref="EventsAsync(AccountabilityFilter, EventFormat?, RegisterSlice, CancellationToken)"/>.</summary>
    public Task<RegisterPage<EventRow>?> EventsAsync(AccountabilityFilter filter, EventFormat? format, int page, int pageSize, CancellationToken cancellationToken = default) =>
        EventsAsync(filter, format, RegisterSlice.OnePage(page, pageSize), cancellationToken);

    public async Task<RegisterPage<EventRow>?> EventsAsync(AccountabilityFilter filter, EventFormat? format, RegisterSlice slice, CancellationToken cancellationToken = default)
    {
        if (await UnitsAsync(filter, cancellationToken) is not { } units)
        {
            return null;
        }

        var query = Within(EventsOf(units.Ids), e => e.HeldOn, filter);
        if (format is { } wanted)
        {
            var online = wanted == EventFormat.Online;
            query = query.Where(e => e.Online == online);
        }

        var scopeIds = (await scope.FilterAsync(cancellationToken)).UnitIds?.ToList();
        return await RegisterPage.ReadAsync(
            query.OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id)
                .Select(e => new { e.Id, e.Reference, e.HeldOn, e.Title, e.OrganiserUnitId, e.Online }),
            slice,
            async (shown, cancel) =>
            {
                // The attendance of the units in the caller's scope (another district's is not theirs to see), of this page's events only.
                var eventIds = shown.Select(e => e.Id).ToList();
                var attendance = db.DisseminationAttendance.AsNoTracking().Where(a => eventIds.Contains(a.EventId));
                if (scopeIds is not null)
                {
                    attendance = attendance.Where(a => scopeIds.Contains(a.UnitId));
                }

                var totals = await attendance.GroupBy(a => a.EventId)
                    .Select(g => new { g.Key, Units = g.Count(), Invited = g.Sum(a => a.Invited), Attended = g.Sum(a => a.Attended) })
                    .ToDictionaryAsync(g => g.Key, cancel);
                return shown.Select(e =>
                {
                    var total = totals.GetValueOrDefault(e.Id);
                    return new EventRow(
                        e.Id, e.Reference, e.HeldOn, e.Title, units.Graph.NameOn(e.OrganiserUnitId, e.HeldOn), e.Online, total?.Units ?? 0, total?.Invited ?? 0, total?.Attended ?? 0);
                }).ToList();
            },
            cancellationToken);
    }

    /// <summary>A discipline decision the caller may see, with its names; null when there is none or it lies outside the scope.</summary>
    public async Task<DecisionView?> DecisionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (graph, ids) = await ScopeAsync(cancellationToken);
        var decision = await DecisionsOf(ids).Include(d => d.Manifestations).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return null;
        }

        var manifestationIds = decision.Manifestations.Select(m => m.ManifestationId).ToList();
        var manifestations = await db.Manifestations.AsNoTracking().Where(m => manifestationIds.Contains(m.Id))
            .OrderBy(m => m.Code).Select(m => new ManifestationView(m.Code, m.Text)).ToListAsync(cancellationToken);
        var person = await db.People.AsNoTracking().Where(p => p.Id == decision.SubjectPersonId).Select(p => p.FullName).FirstOrDefaultAsync(cancellationToken);
        var source = await InspectionsOf(ids).Where(i => i.Id == decision.SourceInspectionId).Select(i => new InspectionRef(i.Id, i.Reference)).FirstOrDefaultAsync(cancellationToken);
        var subjectUnit = decision.SubjectUnitId is { } unit ? graph.NameOn(unit, decision.DecidedOn) : null;
        return new DecisionView(decision, graph.NameOn(decision.DecidingUnitId, decision.DecidedOn), person ?? subjectUnit ?? string.Empty, subjectUnit, source, manifestations);
    }

    /// <summary>A personnel move the caller may see, with its names; null when there is none or it lies outside the scope.</summary>
    public async Task<MoveView?> MoveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (graph, ids) = await ScopeAsync(cancellationToken);
        var move = await MovesOf(ids).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (move is null)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Where(p => p.Id == move.PersonId).Select(p => p.FullName).FirstOrDefaultAsync(cancellationToken);
        var directive = await db.Directives.AsNoTracking().Where(d => d.Id == move.DirectiveId).Select(d => new DirectiveRef(d.Id, d.Symbol)).FirstOrDefaultAsync(cancellationToken);
        return new MoveView(
            move, person ?? string.Empty, graph.NameOn(move.FromUnitId, move.EffectiveOn.AddDays(-1)), graph.NameOn(move.ToUnitId, move.EffectiveOn),
            graph.NameOn(move.DecidingUnitId, move.EffectiveOn), directive);
    }

    /// <summary>A dissemination event the caller may see, with the attendance of the units in scope; null when there is none or it lies outside the scope.</summary>
    public async Task<EventView?> EventAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var (graph, ids) = await ScopeAsync(cancellationToken);
        var found = await EventsOf(ids).Include(e => e.Attendance).Include(e => e.Directives).AsSplitQuery().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var directiveIds = found.Directives.Select(d => d.DirectiveId).ToList();
        var directives = await db.Directives.AsNoTracking().Where(d => directiveIds.Contains(d.Id)).OrderBy(d => d.Symbol)
            .Select(d => new DirectiveRef(d.Id, d.Symbol)).ToListAsync(cancellationToken);
        var attendance = found.Attendance.Where(a => ids is null || ids.Contains(a.UnitId))
            .Select(a => new AttendanceView(graph.NameOn(a.UnitId, found.HeldOn), a.Invited, a.Attended))
            .OrderBy(a => a.Unit, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        return new EventView(found, graph.NameOn(found.OrganiserUnitId, found.HeldOn), directives, attendance);
    }

    /// <summary>
    /// The audit history of a decision, a move or an event, with its parts (manifestations named, units attending,
    /// directives disseminated); a part of a unit outside the caller's scope (another commune's attendance) is left out.
    /// </summary>
    /// <remarks>Call it only for a record the caller may see (one that <see cref="DecisionAsync"/> and the like found).</remarks>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync<TRecord>(Guid id, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> parts = typeof(TRecord).Name switch
        {
            nameof(DisciplineDecision) => [nameof(DecisionManifestation)],
            nameof(DisseminationEvent) => [nameof(DisseminationAttendance), nameof(DisseminationDirective)],
            _ => [],
        };
        var filter = await scope.FilterAsync(cancellationToken);
        return (await RecordHistory.ReadAsync(db, typeof(TRecord).Name, id, parts, HistoryShown, cancellationToken))
            .Where(e => e.EntityType == typeof(TRecord).Name || e.UnitId is not { } unit || filter.Contains(unit))
            .ToList();
    }

    /// <summary>
    /// Names for the ids an audit history mentions: units by name and code, people, directives by symbol,
    /// manifestations by code, inspections (those the caller may see) by reference.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> RecordNamesAsync(IReadOnlySet<Guid> referenced, CancellationToken cancellationToken = default)
    {
        var ids = referenced.ToList();
        var (graph, scopeIds) = await ScopeAsync(cancellationToken);
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
        foreach (var unit in ids.Select(graph.Latest).OfType<UnitSnapshot>())
        {
            names[unit.Id] = $"{unit.Name} ({unit.Code})";
        }

        foreach (var directive in await db.Directives.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Symbol }).ToListAsync(cancellationToken))
        {
            names[directive.Id] = directive.Symbol;
        }

        foreach (var manifestation in await db.Manifestations.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.Code }).ToListAsync(cancellationToken))
        {
            names[manifestation.Id] = manifestation.Code;
        }

        foreach (var inspection in await InspectionsOf(scopeIds).Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Reference }).ToListAsync(cancellationToken))
        {
            names[inspection.Id] = inspection.Reference;
        }

        return names;
    }

    // The records of a set of units are collected first, through the unit indexes, and only then filtered and sorted
    // (as CaseRegister does). Left to the planners, for a district officer's few hundred unit ids PostgreSQL estimates
    // a few thousand records and walks the date index backwards, testing 60,000 records for the 50 of a page
    // (90-180 ms), since most of those units (Party bodies) have none; SQLite, given a filter, walks the filter's
    // index (deciding body, period) and tests each record against the set (200-500 ms).

    private IQueryable<Inspection> InspectionsOf(List<Guid>? ids) => ids is null
        ? db.Inspections.AsNoTracking()
        : Scoped(db.Inspections, """
            "Id" IN (
                SELECT "Id" FROM "Inspections" WHERE "DecidingUnitId" IN_SCOPE
                UNION SELECT "InspectionId" FROM "InspectionTargets" WHERE "UnitId" IN_SCOPE
                UNION SELECT "InspectionId" FROM "FollowUpTasks" WHERE "OwnerUnitId" IN_SCOPE)
            """, ids);

    private IQueryable<FollowUpTask> TasksOf(List<Guid>? ids) => ids is null
        ? db.FollowUpTasks.AsNoTracking()
        : Scoped(db.FollowUpTasks, """ "OwnerUnitId" IN_SCOPE """, ids);

    /// <summary>
    /// The tasks of these units for counting open work: on SQLite, over every unit, through the covering index of
    /// status and due date (grouping, SQLite would rather walk the owner index, which reads every task: 1 s).
    /// </summary>
    private IQueryable<FollowUpTask> PendingTasksOf(List<Guid>? ids) => ids is null && !Postgres
        ? db.FollowUpTasks.FromSqlRaw(TasksByOpenWork).AsNoTracking()
        : TasksOf(ids);

    private IQueryable<DisciplineDecision> DecisionsOf(List<Guid>? ids) => ids is null
        ? db.DisciplineDecisions.AsNoTracking()
        : Scoped(db.DisciplineDecisions, """ "DecidingUnitId" IN_SCOPE OR "SubjectUnitId" IN_SCOPE """, ids);

    private IQueryable<PersonnelMove> MovesOf(List<Guid>? ids) => ids is null
        ? db.PersonnelMoves.AsNoTracking()
        : Scoped(db.PersonnelMoves, """ "FromUnitId" IN_SCOPE OR "ToUnitId" IN_SCOPE """, ids);

    private IQueryable<DisseminationEvent> EventsOf(List<Guid>? ids) => ids is null
        ? db.DisseminationEvents.AsNoTracking()
        : Scoped(db.DisseminationEvents, """
            "Id" IN (
                SELECT "Id" FROM "DisseminationEvents" WHERE "OrganiserUnitId" IN_SCOPE
                UNION SELECT "EventId" FROM "DisseminationAttendance" WHERE "UnitId" IN_SCOPE)
            """, ids);

    /// <summary>
    /// The records of <paramref name="records"/>' table meeting <paramref name="condition"/>, in which <c>IN_SCOPE</c>
    /// stands for "is one of <paramref name="ids"/>", collected before anything else is done with them.
    /// </summary>
    private IQueryable<T> Scoped<T>(DbSet<T> records, string condition, List<Guid> ids) where T : class
    {
        // One parameter for the whole set: an array on PostgreSQL, a JSON array on SQLite, which stores ids as upper-case text.
        var inScope = Postgres ? "= ANY({0})" : """IN (SELECT "value" FROM json_each({0}))""";
        object set = Postgres ? ids.ToArray() : JsonSerializer.Serialize(ids.Select(id => id.ToString().ToUpperInvariant()));
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
        var sql = $"""WITH scoped AS MATERIALIZED (SELECT * FROM "{table}" WHERE {condition.Replace("IN_SCOPE", inScope, StringComparison.Ordinal)}) SELECT * FROM scoped""";
        return records.FromSqlRaw(sql, set).AsNoTracking();
    }

    private const string TasksByOpenWork = $"""SELECT * FROM "FollowUpTasks" INDEXED BY "{FollowUpTaskConfiguration.OpenWorkIndex}" """;

    private bool Postgres => !db.Database.IsSqlite();

    /// <summary>How many of <paramref name="rows"/> there are for each key.</summary>
    private static Task<Dictionary<Guid, int>> CountByAsync<T>(IQueryable<T> rows, Expression<Func<T, Guid>> key, CancellationToken cancellationToken) where T : class =>
        rows.AsNoTracking().GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The references of these inspections (any: a row the caller sees names its inspection).</summary>
    private async Task<Dictionary<Guid, string>> ReferencesAsync(IEnumerable<Guid> inspectionIds, CancellationToken cancellationToken)
    {
        var ids = inspectionIds.Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, cancellationToken);
    }

    /// <summary>The full names of these people.</summary>
    private async Task<Dictionary<Guid, string>> PeopleAsync(IEnumerable<Guid?> personIds, CancellationToken cancellationToken)
    {
        var ids = personIds.OfType<Guid>().Distinct().ToList();
        return ids.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, cancellationToken);
    }

    /// <summary>The records whose date lies in the filter's period.</summary>
    private static IQueryable<T> Within<T>(IQueryable<T> records, Expression<Func<T, DateOnly>> date, AccountabilityFilter filter)
    {
        if (filter.From is { } from)
        {
            Expression<Func<DateOnly>> bound = () => from;
            records = records.Where(Expression.Lambda<Func<T, bool>>(Expression.GreaterThanOrEqual(date.Body, bound.Body), date.Parameters));
        }

        if (filter.To is { } to)
        {
            Expression<Func<DateOnly>> bound = () => to;
            records = records.Where(Expression.Lambda<Func<T, bool>>(Expression.LessThanOrEqual(date.Body, bound.Body), date.Parameters));
        }

        return records;
    }

    /// <summary>The records whose folded search text holds each word of <paramref name="search"/>, with or without its diacritics.</summary>
    private static IQueryable<T> WithWords<T>(IQueryable<T> records, string? search, Expression<Func<T, string>> searchText)
    {
        var record = searchText.Parameters[0];
        foreach (var word in SearchPattern.FoldedWords(search))
        {
            var pattern = SearchPattern.Containing(word);
            Expression<Func<string, bool>> like = text => EF.Functions.Like(text, pattern, SearchPattern.Escape);
            var matches = new ReplacingExpressionVisitor([like.Parameters[0]], [searchText.Body]).Visit(like.Body);
            records = records.Where(Expression.Lambda<Func<T, bool>>(matches, record));
        }

        return records;
    }

    /// <summary>The units of a register: the filter's subtree within the scope (<c>Ids</c> null when every unit is), the graph to name them, and today.</summary>
    private sealed record Units(List<Guid>? Ids, UnitGraph Graph, DateOnly Today);

    private async Task<Units?> UnitsAsync(AccountabilityFilter filter, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var today = VietnamTime.Today(time);
        return SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), filter.UnitCode, [filter.UnitAsOf ?? filter.To ?? today], throughTime: filter.UnitAsOf is null) is { } units
            ? new Units(units.UnitIds?.ToList(), graph, today)
            : null;
    }

    private async Task<(UnitGraph Graph, List<Guid>? Ids)> ScopeAsync(CancellationToken cancellationToken) =>
        (await scope.GraphAsync(cancellationToken), (await scope.FilterAsync(cancellationToken)).UnitIds?.ToList());
}
