using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
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

    /// <summary>
    /// The sums of <paramref name="quantities"/> (each over this set) over the records of each unit (all when null)
    /// in the period, worked out in the database: for each unit with records, its sums in the quantities' order.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, long[]>> SumAsync(OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, IReadOnlyList<Quantity> quantities, CancellationToken cancellationToken);

    /// <summary>The records of the units in the period that match <paramref name="filter"/> (a predicate on this set's facts), in date order.</summary>
    Task<IReadOnlyList<RecordFacts>> ListAsync(OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, LambdaExpression filter, int limit, CancellationToken cancellationToken);
}

/// <summary>A record set over facts <typeparamref name="TFacts"/>: a query reading each record as facts.</summary>
internal sealed class RecordSet<TFacts>(
    string name,
    string pagePath,
    Func<OversightDbContext, IndicatorPeriod, IQueryable<TFacts>> records) : IRecordSet
    where TFacts : RecordFacts
{
    private static readonly FrozenDictionary<string, PropertyInfo> OwnProperties = typeof(TFacts)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .ToFrozenDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal);

    public string Name => name;

    public string PagePath => pagePath;

    public Type FactsType => typeof(TFacts);

    public IReadOnlyDictionary<string, PropertyInfo> Facts { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is null).ToFrozenDictionary(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, PropertyInfo> Measures { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is not null).ToFrozenDictionary(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<Guid, long[]>> SumAsync(
        OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, IReadOnlyList<Quantity> quantities, CancellationToken cancellationToken) =>
        await Of(db, period, unitIds)
            .GroupBy(f => f.UnitId)
            .Select(Sums(quantities))
            .ToDictionaryAsync(u => u.UnitId, u => u.Sums, cancellationToken);

    public async Task<IReadOnlyList<RecordFacts>> ListAsync(OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds, LambdaExpression filter, int limit, CancellationToken cancellationToken) =>
        await Of(db, period, unitIds)
            .Where((Expression<Func<TFacts, bool>>)filter)
            .OrderBy(f => f.On)
            .ThenBy(f => f.Reference)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// <c>g => new UnitSums(g.Key, [g.Sum(f => filter₀(f) ? amount₀(f) : 0), …])</c>: one conditional sum per
    /// quantity, one row per unit.
    /// </summary>
    private Expression<Func<IGrouping<Guid, TFacts>, UnitSums>> Sums(IReadOnlyList<Quantity> quantities)
    {
        var group = Expression.Parameter(typeof(IGrouping<Guid, TFacts>), "g");
        var sums = quantities.Select(quantity =>
        {
            var facts = quantity.Filter.Parameters[0];
            Expression amount = quantity.Sum is null ? Expression.Constant(1L) : Expression.Property(facts, Measures[quantity.Sum]);
            var term = Expression.Lambda<Func<TFacts, long>>(Expression.Condition(quantity.Filter.Body, amount, Expression.Constant(0L)), facts);
            return Expression.Call(typeof(Enumerable), nameof(Enumerable.Sum), [typeof(TFacts)], group, term);
        });
        var body = Expression.New(
            typeof(UnitSums).GetConstructors().Single(),
            Expression.Property(group, nameof(IGrouping<,>.Key)),
            Expression.NewArrayInit(typeof(long), sums));
        return Expression.Lambda<Func<IGrouping<Guid, TFacts>, UnitSums>>(body, group);
    }

    private IQueryable<TFacts> Of(OversightDbContext db, IndicatorPeriod period, IReadOnlyCollection<Guid>? unitIds)
    {
        var query = records(db, period);
        if (unitIds is not null)
        {
            // One parameter for the whole set (a JSON array on SQLite, an array on PostgreSQL): a district's 700 units
            // as 700 parameters made SQLite prepare each query for about 5 ms.
            var ids = unitIds.ToList();
            query = query.Where(f => EF.Parameter(ids).Contains(f.UnitId));
        }

        return query;
    }
}

/// <summary>One unit's sums of some quantities over a record set.</summary>
internal sealed record UnitSums(Guid UnitId, long[] Sums);

/// <summary>Every record set indicators can be defined over.</summary>
public static class RecordSets
{
    public static IRecordSet Cases { get; } = new RecordSet<CaseFacts>(
        "cases",
        "cases",
        (db, p) =>
            from c in db.Cases.AsNoTracking()
            where c.ReceivedOn >= p.From && c.ReceivedOn <= p.To
            join s in db.ReceptionSessions on c.ReceptionSessionId equals s.Id into sessions
            from s in sessions.DefaultIfEmpty()
            let closedByEnd = c.ClosedOn != null && c.ClosedOn <= p.To
            let openAtEnd = !closedByEnd || c.Status == CaseStatus.Received || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.UnderConsideration
            select new CaseFacts
            {
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
                ResolvedByEnd = c.Status == CaseStatus.Resolved && closedByEnd,
                ResolvedOnTime = c.Status == CaseStatus.Resolved && closedByEnd && c.DueOn != null && c.ClosedOn <= c.DueOn,
                OpenAtEnd = openAtEnd,
                OverdueAtEnd = openAtEnd && (c.AcceptedOn != null && c.AcceptedOn <= p.To ? c.DueOn : c.AcceptanceDueOn) < p.AsOf,
                ClosedBeforeReceived = c.ClosedOn != null && c.ClosedOn < c.ReceivedOn,
            });

    public static IRecordSet Receptions { get; } = new RecordSet<ReceptionFacts>(
        "receptions",
        "reception",
        (db, p) =>
            from s in db.ReceptionSessions.AsNoTracking()
            where s.HeldOn >= p.From && s.HeldOn <= p.To
            select new ReceptionFacts
            {
                UnitId = s.UnitId,
                RecordId = s.Id,
                Reference = s.Reference,
                On = s.HeldOn,
                HostRole = s.HostRole,
                Kind = s.Kind,
                FirstOfHostDay = !db.ReceptionSessions.Any(o => o.HeldOn == s.HeldOn && o.HostRole == s.HostRole && o.HostPersonId == s.HostPersonId
                    && o.HostName == s.HostName && o.Reference.CompareTo(s.Reference) < 0),
                Visits = s.Visits,
                People = s.People,
            });

    public static IRecordSet Dialogues { get; } = new RecordSet<DialogueFacts>(
        "dialogues",
        "dialogues",
        (db, p) =>
            from m in db.DialogueMeetings.AsNoTracking()
            where m.HeldOn >= p.From && m.HeldOn <= p.To
            select new DialogueFacts { UnitId = m.UnitId, RecordId = m.Id, Reference = m.Reference, On = m.HeldOn, Level = m.Level, Participants = m.Participants });

    public static IRecordSet DisseminationEvents { get; } = new RecordSet<DisseminationEventFacts>(
        "disseminationEvents",
        "dissemination",
        (db, p) =>
            from e in db.DisseminationEvents.AsNoTracking()
            where e.HeldOn >= p.From && e.HeldOn <= p.To
            select new DisseminationEventFacts { UnitId = e.OrganiserUnitId, RecordId = e.Id, Reference = e.Reference, On = e.HeldOn, Online = e.Online });

    public static IRecordSet Attendance { get; } = new RecordSet<AttendanceFacts>(
        "attendance",
        "dissemination",
        (db, p) =>
            from a in db.DisseminationAttendance.AsNoTracking()
            join e in db.DisseminationEvents on a.EventId equals e.Id
            where e.HeldOn >= p.From && e.HeldOn <= p.To
            select new AttendanceFacts
            {
                UnitId = a.UnitId,
                RecordId = e.Id,
                Reference = e.Reference,
                On = e.HeldOn,
                Online = e.Online,
                AttendedOverInvited = a.Attended > a.Invited,
                Invited = a.Invited,
                Attended = a.Attended,
            });

    public static IRecordSet Studies { get; } = new RecordSet<StudyFacts>(
        "studies",
        "directives",
        (db, p) =>
            from c in db.DisseminationCompletions.AsNoTracking()
            join d in db.Directives on c.DirectiveId equals d.Id
            where d.IssuedOn <= p.To
            select new StudyFacts
            {
                UnitId = c.UnitId,
                RecordId = d.Id,
                Reference = d.Symbol,
                On = c.CompletedOn,
                OnTime = c.CompletedOn <= p.To && (d.DisseminationDueOn == null || c.CompletedOn <= d.DisseminationDueOn),
                CompletedInPeriod = c.CompletedOn >= p.From && c.CompletedOn <= p.To,
                MembersReached = c.MembersReached,
            });

    public static IRecordSet Inspections { get; } = new RecordSet<InspectionFacts>(
        "inspections",
        "inspections",
        (db, p) =>
            from i in db.Inspections.AsNoTracking()
            where i.DecidedOn >= p.From && i.DecidedOn <= p.To
            select new InspectionFacts
            {
                UnitId = i.DecidingUnitId,
                RecordId = i.Id,
                Reference = i.Reference,
                On = i.DecidedOn,
                Kind = i.Kind,
                ConcludedByEnd = i.ConcludedOn != null && i.ConcludedOn <= p.To,
            });

    public static IRecordSet InspectionTargets { get; } = new RecordSet<InspectionTargetFacts>(
        "inspectionTargets",
        "inspections",
        (db, p) =>
            from t in db.InspectionTargets.AsNoTracking()
            join i in db.Inspections on t.InspectionId equals i.Id
            where i.DecidedOn >= p.From && i.DecidedOn <= p.To
            select new InspectionTargetFacts
            {
                UnitId = i.DecidingUnitId,
                RecordId = i.Id,
                Reference = i.Reference,
                On = i.DecidedOn,
                InspectionKind = i.Kind,
                TargetKind = t.Kind,
            });

    public static IRecordSet Discipline { get; } = new RecordSet<DisciplineFacts>(
        "discipline",
        "discipline",
        (db, p) =>
            from d in db.DisciplineDecisions.AsNoTracking()
            where d.DecidedOn >= p.From && d.DecidedOn <= p.To
            select new DisciplineFacts
            {
                UnitId = d.DecidingUnitId,
                RecordId = d.Id,
                Reference = d.DecisionNumber,
                On = d.DecidedOn,
                Body = d.Body,
                Subject = d.Subject,
                Form = d.Form,
                WithManifestations = d.Manifestations.Any(),
            });

    public static IRecordSet Moves { get; } = new RecordSet<MoveFacts>(
        "moves",
        "moves",
        (db, p) =>
            from m in db.PersonnelMoves.AsNoTracking()
            where m.EffectiveOn >= p.From && m.EffectiveOn <= p.To
            select new MoveFacts
            {
                UnitId = m.DecidingUnitId,
                RecordId = m.Id,
                Reference = m.Reference,
                On = m.EffectiveOn,
                Kind = m.Kind,
                Reason = m.Reason,
                PostKind = m.PostKind,
            });

    public static IRecordSet Tasks { get; } = new RecordSet<TaskFacts>(
        "tasks",
        "tasks",
        (db, p) =>
            from t in db.FollowUpTasks.AsNoTracking()
            join i in db.Inspections on t.InspectionId equals i.Id
            where i.ConcludedOn != null && i.ConcludedOn <= p.To
            select new TaskFacts
            {
                UnitId = t.OwnerUnitId,
                RecordId = t.Id,
                Reference = t.Reference,
                On = t.DueOn,
                DoneByEnd = t.DoneOn <= p.AsOf,
                OverdueAtEnd = t.DueOn < p.AsOf && !(t.DoneOn <= p.AsOf),
            });

    public static IReadOnlyDictionary<string, IRecordSet> ByName { get; } =
        new[] { Cases, Receptions, Dialogues, DisseminationEvents, Attendance, Studies, Inspections, InspectionTargets, Discipline, Moves, Tasks }
            .ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
}
