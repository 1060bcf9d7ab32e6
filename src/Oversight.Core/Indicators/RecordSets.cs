using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Petitions;

namespace Oversight.Indicators;

/// <summary>Cases received in the period, by the unit handling them, with their state at the end of the period.</summary>
public sealed class CaseFacts : RecordFacts
{
    public CaseKind Kind { get; set; }

    public CaseChannel Channel { get; set; }

    /// <summary>The role of the host of the reception session the case was brought to; null when not brought to one.</summary>
    public HostRole? HostRole { get; set; }

    public bool? WithinJurisdiction { get; set; }

    public bool Complex { get; set; }

    /// <summary>The case repeats an earlier case of the same petitioner.</summary>
    public bool Protracted { get; set; }

    public bool ResolvedByEnd { get; set; }

    /// <summary>Resolved by the end of the period, on or before its deadline.</summary>
    public bool ResolvedOnTime { get; set; }

    /// <summary>Not closed by the end of the period: received, accepted or under consideration then.</summary>
    public bool OpenAtEnd { get; set; }

    /// <summary>Open at the end of the period and past the deadline that ran then (acceptance, or resolution once accepted).</summary>
    public bool OverdueAtEnd { get; set; }

    /// <summary>Closed on a day before it was received: a record to correct.</summary>
    public bool ClosedBeforeReceived { get; set; }
}

/// <summary>Reception sessions held in the period, by the unit that held them.</summary>
public sealed class ReceptionFacts : RecordFacts
{
    public HostRole HostRole { get; set; }

    public SessionKind Kind { get; set; }

    /// <summary>The host's first session of the day: counting these counts the days each host received citizens.</summary>
    public bool FirstOfHostDay { get; set; }

    [Measure]
    public long Visits { get; set; }

    [Measure]
    public long People { get; set; }
}

/// <summary>Dialogue meetings held in the period, by the unit that held them.</summary>
public sealed class DialogueFacts : RecordFacts
{
    public DialogueLevel Level { get; set; }

    [Measure]
    public long Participants { get; set; }
}

/// <summary>Dissemination events held in the period, by the organising unit.</summary>
public sealed class DisseminationEventFacts : RecordFacts
{
    public bool Online { get; set; }
}

/// <summary>Attendance at dissemination events held in the period, by the attending unit.</summary>
public sealed class AttendanceFacts : RecordFacts
{
    public bool Online { get; set; }

    /// <summary>More attended than were invited: a record to correct.</summary>
    public bool AttendedOverInvited { get; set; }

    [Measure]
    public long Invited { get; set; }

    [Measure]
    public long Attended { get; set; }
}

/// <summary>The units that must study a directive issued by the end of the period, each with its study as it stood then.</summary>
public sealed class StudyFacts : RecordFacts
{
    /// <summary>Completed by the end of the period and by the directive's deadline.</summary>
    public bool OnTime { get; set; }

    public bool CompletedInPeriod { get; set; }

    [Measure]
    public long MembersReached { get; set; }
}

/// <summary>Inspections and supervisions decided in the period, by the deciding unit.</summary>
public sealed class InspectionFacts : RecordFacts
{
    public InspectionKind Kind { get; set; }

    public bool ConcludedByEnd { get; set; }
}

/// <summary>What the inspections and supervisions decided in the period looked at, by the deciding unit.</summary>
public sealed class InspectionTargetFacts : RecordFacts
{
    public InspectionKind InspectionKind { get; set; }

    public TargetKind TargetKind { get; set; }
}

/// <summary>Discipline decided in the period, by the deciding unit.</summary>
public sealed class DisciplineFacts : RecordFacts
{
    public DecidingBody Body { get; set; }

    public DisciplineSubject Subject { get; set; }

    public DisciplineForm Form { get; set; }

    /// <summary>The violation showed a manifestation of a directive's appendix.</summary>
    public bool WithManifestations { get; set; }
}

/// <summary>Personnel moves effective in the period, by the deciding unit.</summary>
public sealed class MoveFacts : RecordFacts
{
    public MoveKind Kind { get; set; }

    public MoveReason Reason { get; set; }

    public PostKind PostKind { get; set; }
}

/// <summary>Follow-up tasks set by conclusions made by the end of the period, by the owning unit, as they stood then.</summary>
public sealed class TaskFacts : RecordFacts
{
    public bool DoneByEnd { get; set; }

    public bool OverdueAtEnd { get; set; }
}

/// <summary>A case as the store keeps it, with the dates its facts for a period are read from.</summary>
internal sealed class CaseRow : RecordFacts
{
    public CaseKind Kind { get; init; }

    public CaseChannel Channel { get; init; }

    public HostRole? HostRole { get; init; }

    public bool? WithinJurisdiction { get; init; }

    public bool Complex { get; init; }

    public bool Protracted { get; init; }

    public CaseStatus Status { get; init; }

    public DateOnly? AcceptedOn { get; init; }

    public DateOnly? AcceptanceDueOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateOnly? ClosedOn { get; init; }
}

/// <summary>A reception session as the store keeps it, with its host, to tell the host's first session of each day.</summary>
internal sealed class ReceptionRow : RecordFacts
{
    public HostRole HostRole { get; init; }

    public SessionKind Kind { get; init; }

    public Guid? HostPersonId { get; init; }

    public string? HostName { get; init; }

    public bool FirstOfHostDay { get; init; }

    public long Visits { get; init; }

    public long People { get; init; }

    public ReceptionRow With(bool firstOfHostDay) => new()
    {
        Key = Key,
        UnitId = UnitId,
        RecordId = RecordId,
        Reference = Reference,
        On = On,
        HostRole = HostRole,
        Kind = Kind,
        HostPersonId = HostPersonId,
        HostName = HostName,
        FirstOfHostDay = firstOfHostDay,
        Visits = Visits,
        People = People,
    };
}

/// <summary>A unit's study of a directive as the store keeps it.</summary>
internal sealed class StudyRow : RecordFacts
{
    public DateOnly IssuedOn { get; init; }

    public DateOnly? DueOn { get; init; }

    public long MembersReached { get; init; }
}

/// <summary>An inspection as the store keeps it.</summary>
internal sealed class InspectionRow : RecordFacts
{
    public InspectionKind Kind { get; init; }

    public DateOnly? ConcludedOn { get; init; }
}

/// <summary>A follow-up task as the store keeps it, with the day its inspection was concluded.</summary>
internal sealed class TaskRow : RecordFacts
{
    public DateOnly? ConcludedOn { get; init; }

    public DateOnly? DoneOn { get; init; }
}

/// <summary>A set of records indicators count or sum: its name in definitions, its facts and measures, and how to read it.</summary>
public interface IRecordSet
{
    /// <summary>The name definitions use ("cases", "discipline").</summary>
    string Name { get; }

    /// <summary>The path of the pages that show its records ("cases" for /cases/{id}).</summary>
    string PagePath { get; }

    /// <summary>Facts by their name in definitions (camelCase), with their type.</summary>
    IReadOnlyDictionary<string, PropertyInfo> Facts { get; }

    /// <summary>Measures by their name in definitions (camelCase).</summary>
    IReadOnlyDictionary<string, PropertyInfo> Measures { get; }

    Type FactsType { get; }

    /// <summary>The entities (by the name the audit trail gives them) whose changes change the set's records.</summary>
    IReadOnlySet<string> Sources { get; }

    /// <summary>
    /// Every record of the set as it stands in the database, stored for <see cref="Sum"/> and <see cref="List"/>; or,
    /// given what was stored before and the ids changed since (of <see cref="Sources"/>), the same with each record that
    /// changed, or depends on one that did, read again.
    /// </summary>
    Task<object> ReadAsync(OversightDbContext db, object? stored, IReadOnlySet<Guid>? changed, CancellationToken cancellationToken);

    /// <summary>
    /// The sums of <paramref name="quantities"/> (each over this set) over the stored records in the period, for each
    /// group of units (a unit's group in <paramref name="groups"/>; every unit in group 0 when null): for each group
    /// with records, its sums in the quantities' order.
    /// </summary>
    Dictionary<int, long[]> Sum(object stored, IndicatorPeriod period, IReadOnlyDictionary<Guid, int>? groups, IReadOnlyList<Quantity> quantities);

    /// <summary>The records of the units (all when null) in the period that match <paramref name="filter"/> (a predicate on this set's facts), in date order, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<RecordFacts> List(object stored, IndicatorPeriod period, IReadOnlySet<Guid>? unitIds, LambdaExpression filter, int limit);
}

/// <summary>
/// A record set over facts <typeparamref name="TFacts"/>: a query reading each record as a <typeparamref name="TRow"/>
/// (whatever the period), and how a row reads as facts in a period (null when it is not in the period).
/// </summary>
internal sealed class RecordSet<TRow, TFacts>(
    string name,
    string pagePath,
    Type[] sources,
    Func<OversightDbContext, IQueryable<TRow>> rows,
    Func<TRow, IndicatorPeriod, TFacts, TFacts?> read,
    bool dependent = false,
    Func<TRow[], TRow[]>? complete = null) : IRecordSet
    where TRow : RecordFacts
    where TFacts : RecordFacts, new()
{
    private static readonly FrozenDictionary<string, PropertyInfo> OwnProperties = typeof(TFacts)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .ToFrozenDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal);

    /// <summary>Each filter compiled once, for as long as its definition lives.</summary>
    private static readonly ConditionalWeakTable<LambdaExpression, Func<TFacts, bool>> Compiled = [];

    private readonly FrozenDictionary<string, Func<TFacts, long>> amounts = OwnProperties
        .Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is not null)
        .ToFrozenDictionary(p => p.Key, p => p.Value.GetMethod!.CreateDelegate<Func<TFacts, long>>(), StringComparer.Ordinal);

    public string Name => name;

    public string PagePath => pagePath;

    public Type FactsType => typeof(TFacts);

    public IReadOnlySet<string> Sources { get; } = sources.Select(t => t.Name).ToFrozenSet(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PropertyInfo> Facts { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is null).ToFrozenDictionary(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PropertyInfo> Measures { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is not null).ToFrozenDictionary(StringComparer.Ordinal);

    public async Task<object> ReadAsync(OversightDbContext db, object? stored, IReadOnlySet<Guid>? changed, CancellationToken cancellationToken)
    {
        if (stored is null || changed is null)
        {
            // In the order of their units: the records of a unit are walked together, and lie together in memory.
            return new RecordIndex<TRow>(Complete(await rows(db).OrderBy(r => r.UnitId).ToArrayAsync(cancellationToken)));
        }

        // The changed records, and those that depended on a change when read before: a case whose reception session
        // was deleted is unlinked by the database itself, and the audit trail names only the session.
        var index = (RecordIndex<TRow>)stored;
        var touched = index.Touched(changed);
        var ids = touched.Union(changed).ToList();
        var fresh = await rows(db).Where(r => EF.Parameter(ids).Contains(r.Key)).ToListAsync(cancellationToken);
        if (dependent)
        {
            var read = fresh.Select(r => r.Key).ToHashSet();
            fresh.AddRange((await rows(db).Where(r => r.DependsOn != null && EF.Parameter(ids).Contains(r.DependsOn.Value)).ToListAsync(cancellationToken))
                .Where(r => !read.Contains(r.Key)));
        }

        index.Replace(touched, fresh);
        return complete is null ? index : new RecordIndex<TRow>(Complete([.. index.All()]));
    }

    public Dictionary<int, long[]> Sum(object stored, IndicatorPeriod period, IReadOnlyDictionary<Guid, int>? groups, IReadOnlyList<Quantity> quantities)
    {
        var filters = quantities.Select(q => FilterOf(q.Filter)).ToArray();
        var measures = quantities.Select(q => q.Sum is null ? null : amounts[q.Sum]).ToArray();
        var sums = new Dictionary<int, long[]>();
        var scratch = new TFacts();
        ((RecordIndex<TRow>)stored).Walk(groups?.Keys, (unit, rows) =>
        {
            var group = groups?[unit] ?? 0;
            long[]? totals = null;
            foreach (var row in rows)
            {
                if (read(row, period, scratch) is not { } facts)
                {
                    continue;
                }

                if (totals is null && !sums.TryGetValue(group, out totals))
                {
                    sums[group] = totals = new long[filters.Length];
                }

                for (var i = 0; i < filters.Length; i++)
                {
                    if (filters[i](facts))
                    {
                        totals[i] += measures[i] is { } measure ? measure(facts) : 1;
                    }
                }
            }
        });
        return sums;
    }

    public IReadOnlyList<RecordFacts> List(object stored, IndicatorPeriod period, IReadOnlySet<Guid>? unitIds, LambdaExpression filter, int limit)
    {
        var matches = FilterOf(filter);
        var scratch = new TFacts();
        var found = new List<TRow>();
        ((RecordIndex<TRow>)stored).Walk(unitIds, (_, rows) => found.AddRange(rows.Where(row => read(row, period, scratch) is { } facts && matches(facts))));
        return found
            .OrderBy(row => row.On)
            .ThenBy(row => row.Reference, StringComparer.Ordinal)
            .Take(limit)
            .Select(row => read(row, period, new TFacts())!)
            .ToArray();
    }

    private static Func<TFacts, bool> FilterOf(LambdaExpression filter) =>
        Compiled.GetValue(filter, f => ((Expression<Func<TFacts, bool>>)f).Compile());

    private TRow[] Complete(TRow[] all) => complete is null ? all : complete(all);
}

/// <summary>Every record set indicators can be defined over.</summary>
public static class RecordSets
{
    public static IRecordSet Cases { get; } = new RecordSet<CaseRow, CaseFacts>(
        "cases",
        "cases",
        [typeof(CitizenCase), typeof(ReceptionSession)],
        db =>
            from c in db.Cases.AsNoTracking()
            join s in db.ReceptionSessions on c.ReceptionSessionId equals s.Id into sessions
            from s in sessions.DefaultIfEmpty()
            select new CaseRow
            {
                Key = c.Id,
                DependsOn = c.ReceptionSessionId,
                UnitId = c.UnitId,
                RecordId = c.Id,
                Reference = c.Reference,
                On = c.ReceivedOn,
                Kind = c.Kind,
                Channel = c.Channel,
                HostRole = s == null ? null : s.HostRole,
                WithinJurisdiction = c.WithinJurisdiction,
                Complex = c.Complex,
                Protracted = c.RepeatOfCaseId != null,
                Status = c.Status,
                AcceptedOn = c.AcceptedOn,
                AcceptanceDueOn = c.AcceptanceDueOn,
                DueOn = c.DueOn,
                ClosedOn = c.ClosedOn,
            },
        (c, p, facts) =>
        {
            if (!p.Contains(c.On))
            {
                return null;
            }

            var closedByEnd = c.ClosedOn <= p.To;
            var openAtEnd = !closedByEnd || c.Status is CaseStatus.Received or CaseStatus.Accepted or CaseStatus.UnderConsideration;
            facts.Identify(c);
            facts.Kind = c.Kind;
            facts.Channel = c.Channel;
            facts.HostRole = c.HostRole;
            facts.WithinJurisdiction = c.WithinJurisdiction;
            facts.Complex = c.Complex;
            facts.Protracted = c.Protracted;
            facts.ResolvedByEnd = c.Status == CaseStatus.Resolved && closedByEnd;
            facts.ResolvedOnTime = facts.ResolvedByEnd && c.ClosedOn <= c.DueOn;
            facts.OpenAtEnd = openAtEnd;
            facts.OverdueAtEnd = openAtEnd && (c.AcceptedOn <= p.To ? c.DueOn : c.AcceptanceDueOn) < p.AsOf;
            facts.ClosedBeforeReceived = c.ClosedOn < c.On;
            return facts;
        },
        dependent: true);

    public static IRecordSet Receptions { get; } = new RecordSet<ReceptionRow, ReceptionFacts>(
        "receptions",
        "reception",
        [typeof(ReceptionSession)],
        db =>
            from s in db.ReceptionSessions.AsNoTracking()
            select new ReceptionRow
            {
                Key = s.Id,
                UnitId = s.UnitId,
                RecordId = s.Id,
                Reference = s.Reference,
                On = s.HeldOn,
                HostRole = s.HostRole,
                Kind = s.Kind,
                HostPersonId = s.HostPersonId,
                HostName = s.HostName,
                Visits = s.Visits,
                People = s.People,
            },
        (s, p, facts) =>
        {
            if (!p.Contains(s.On))
            {
                return null;
            }

            facts.Identify(s);
            facts.HostRole = s.HostRole;
            facts.Kind = s.Kind;
            facts.FirstOfHostDay = s.FirstOfHostDay;
            facts.Visits = s.Visits;
            facts.People = s.People;
            return facts;
        },
        complete: FirstOfHostDay);

    public static IRecordSet Dialogues { get; } = new RecordSet<DialogueFacts, DialogueFacts>(
        "dialogues",
        "dialogues",
        [typeof(DialogueMeeting)],
        db =>
            from m in db.DialogueMeetings.AsNoTracking()
            select new DialogueFacts { Key = m.Id, UnitId = m.UnitId, RecordId = m.Id, Reference = m.Reference, On = m.HeldOn, Level = m.Level, Participants = m.Participants },
        Within);

    public static IRecordSet DisseminationEvents { get; } = new RecordSet<DisseminationEventFacts, DisseminationEventFacts>(
        "disseminationEvents",
        "dissemination",
        [typeof(DisseminationEvent)],
        db =>
            from e in db.DisseminationEvents.AsNoTracking()
            select new DisseminationEventFacts { Key = e.Id, UnitId = e.OrganiserUnitId, RecordId = e.Id, Reference = e.Reference, On = e.HeldOn, Online = e.Online },
        Within);

    public static IRecordSet Attendance { get; } = new RecordSet<AttendanceFacts, AttendanceFacts>(
        "attendance",
        "dissemination",
        [typeof(DisseminationEvent), typeof(DisseminationAttendance)],
        db =>
            from a in db.DisseminationAttendance.AsNoTracking()
            join e in db.DisseminationEvents on a.EventId equals e.Id
            select new AttendanceFacts
            {
                Key = e.Id,
                UnitId = a.UnitId,
                RecordId = e.Id,
                Reference = e.Reference,
                On = e.HeldOn,
                Online = e.Online,
                AttendedOverInvited = a.Attended > a.Invited,
                Invited = a.Invited,
                Attended = a.Attended,
            },
        Within);

    public static IRecordSet Studies { get; } = new RecordSet<StudyRow, StudyFacts>(
        "studies",
        "directives",
        [typeof(DisseminationCompletion), typeof(Directive)],
        db =>
            from c in db.DisseminationCompletions.AsNoTracking()
            join d in db.Directives on c.DirectiveId equals d.Id
            select new StudyRow
            {
                Key = c.Id,
                DependsOn = d.Id,
                UnitId = c.UnitId,
                RecordId = d.Id,
                Reference = d.Symbol,
                On = c.CompletedOn,
                IssuedOn = d.IssuedOn,
                DueOn = d.DisseminationDueOn,
                MembersReached = c.MembersReached,
            },
        (s, p, facts) =>
        {
            if (s.IssuedOn > p.To)
            {
                return null;
            }

            facts.Identify(s);
            facts.OnTime = s.On <= p.To && (s.DueOn == null || s.On <= s.DueOn);
            facts.CompletedInPeriod = p.Contains(s.On);
            facts.MembersReached = s.MembersReached;
            return facts;
        },
        dependent: true);

    public static IRecordSet Inspections { get; } = new RecordSet<InspectionRow, InspectionFacts>(
        "inspections",
        "inspections",
        [typeof(Inspection)],
        db =>
            from i in db.Inspections.AsNoTracking()
            select new InspectionRow { Key = i.Id, UnitId = i.DecidingUnitId, RecordId = i.Id, Reference = i.Reference, On = i.DecidedOn, Kind = i.Kind, ConcludedOn = i.ConcludedOn },
        (i, p, facts) =>
        {
            if (!p.Contains(i.On))
            {
                return null;
            }

            facts.Identify(i);
            facts.Kind = i.Kind;
            facts.ConcludedByEnd = i.ConcludedOn <= p.To;
            return facts;
        });

    public static IRecordSet InspectionTargets { get; } = new RecordSet<InspectionTargetFacts, InspectionTargetFacts>(
        "inspectionTargets",
        "inspections",
        [typeof(InspectionTarget), typeof(Inspection)],
        db =>
            from t in db.InspectionTargets.AsNoTracking()
            join i in db.Inspections on t.InspectionId equals i.Id
            select new InspectionTargetFacts
            {
                Key = t.Id,
                DependsOn = i.Id,
                UnitId = i.DecidingUnitId,
                RecordId = i.Id,
                Reference = i.Reference,
                On = i.DecidedOn,
                InspectionKind = i.Kind,
                TargetKind = t.Kind,
            },
        Within,
        dependent: true);

    public static IRecordSet Discipline { get; } = new RecordSet<DisciplineFacts, DisciplineFacts>(
        "discipline",
        "discipline",
        [typeof(DisciplineDecision), typeof(DecisionManifestation)],
        db =>
            from d in db.DisciplineDecisions.AsNoTracking()
            select new DisciplineFacts
            {
                Key = d.Id,
                UnitId = d.DecidingUnitId,
                RecordId = d.Id,
                Reference = d.DecisionNumber,
                On = d.DecidedOn,
                Body = d.Body,
                Subject = d.Subject,
                Form = d.Form,
                WithManifestations = d.Manifestations.Any(),
            },
        Within);

    public static IRecordSet Moves { get; } = new RecordSet<MoveFacts, MoveFacts>(
        "moves",
        "moves",
        [typeof(PersonnelMove)],
        db =>
            from m in db.PersonnelMoves.AsNoTracking()
            select new MoveFacts
            {
                Key = m.Id,
                UnitId = m.DecidingUnitId,
                RecordId = m.Id,
                Reference = m.Reference,
                On = m.EffectiveOn,
                Kind = m.Kind,
                Reason = m.Reason,
                PostKind = m.PostKind,
            },
        Within);

    public static IRecordSet Tasks { get; } = new RecordSet<TaskRow, TaskFacts>(
        "tasks",
        "tasks",
        [typeof(FollowUpTask), typeof(Inspection)],
        db =>
            from t in db.FollowUpTasks.AsNoTracking()
            join i in db.Inspections on t.InspectionId equals i.Id
            select new TaskRow
            {
                Key = t.Id,
                DependsOn = i.Id,
                UnitId = t.OwnerUnitId,
                RecordId = t.Id,
                Reference = t.Reference,
                On = t.DueOn,
                ConcludedOn = i.ConcludedOn,
                DoneOn = t.DoneOn,
            },
        (t, p, facts) =>
        {
            if (!(t.ConcludedOn <= p.To))
            {
                return null;
            }

            facts.Identify(t);
            facts.DoneByEnd = t.DoneOn <= p.AsOf;
            facts.OverdueAtEnd = t.On < p.AsOf && !facts.DoneByEnd;
            return facts;
        },
        dependent: true);

    public static IReadOnlyDictionary<string, IRecordSet> ByName { get; } =
        new[] { Cases, Receptions, Dialogues, DisseminationEvents, Attendance, Studies, Inspections, InspectionTargets, Discipline, Moves, Tasks }
            .ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The read of a set whose facts do not depend on the period: the record itself, when it is in the period.</summary>
    private static TFacts? Within<TFacts>(TFacts record, IndicatorPeriod period, TFacts scratch)
        where TFacts : RecordFacts => period.Contains(record.On) ? record : null;

    /// <summary>Marks each host's first session of each day (the lowest reference): counting these counts the days each host received citizens.</summary>
    private static ReceptionRow[] FirstOfHostDay(ReceptionRow[] sessions)
    {
        var first = sessions
            .GroupBy(s => (s.On, s.HostRole, s.HostPersonId, s.HostName))
            .Select(day => day.MinBy(s => s.Reference, StringComparer.Ordinal)!.RecordId)
            .ToHashSet();
        return [.. sessions.Select(s => s.FirstOfHostDay == first.Contains(s.RecordId) ? s : s.With(first.Contains(s.RecordId)))];
    }
}