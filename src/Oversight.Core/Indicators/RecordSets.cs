using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.People;
using Oversight.Petitions;
using Oversight.PublicServices;

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

    [StateAtEnd]
    public bool ResolvedByEnd { get; set; }

    /// <summary>Resolved by the end of the period, on or before its deadline.</summary>
    [StateAtEnd]
    public bool ResolvedOnTime { get; set; }

    /// <summary>Not closed by the end of the period: received, accepted or under consideration then.</summary>
    [StateAtEnd]
    public bool OpenAtEnd { get; set; }

    /// <summary>Open at the end of the period and past the deadline that ran then (acceptance, or resolution once accepted).</summary>
    [StateAtEnd]
    public bool OverdueAtEnd { get; set; }

    /// <summary>Closed on a day before it was received: a record to correct.</summary>
    public bool ClosedBeforeReceived { get; set; }

    /// <summary>
    /// The status at the end of the period: the final one when it closed by then; otherwise received until accepted,
    /// then its current open status (under consideration if it has closed since).
    /// </summary>
    [StateAtEnd]
    public CaseStatus StatusAtEnd { get; set; }
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
    [StateAtEnd]
    public bool OnTime { get; set; }
}

/// <summary>Studies of directives completed in the period, by the unit that studied.</summary>
public sealed class CompletionFacts : RecordFacts
{
    [Measure]
    public long MembersReached { get; set; }
}

/// <summary>Inspections and supervisions decided in the period, by the deciding unit.</summary>
public sealed class InspectionFacts : RecordFacts
{
    public InspectionKind Kind { get; set; }

    [StateAtEnd]
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

    /// <summary>
    /// The subject's (the member's or the organisation's) first decision, by the day decided and then the number:
    /// counting these counts the subjects disciplined, each in the period of their first decision.
    /// </summary>
    public bool FirstForSubject { get; set; }

    /// <summary>The subject's first decision whose violation showed a manifestation: counting these counts the subjects with manifestations.</summary>
    public bool FirstWithManifestationsForSubject { get; set; }
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
    [StateAtEnd]
    public bool DoneByEnd { get; set; }

    /// <summary>Done by the end of the period, after its deadline.</summary>
    [StateAtEnd]
    public bool DoneLateByEnd { get; set; }

    [StateAtEnd]
    public bool OverdueAtEnd { get; set; }
}

/// <summary>Dossiers of administrative procedures received in the period, by the receiving unit, as they stood at its end.</summary>
public sealed class DossierFacts : RecordFacts
{
    public ServiceLevel Level { get; set; }

    public DossierChannel Channel { get; set; }

    public OnlineService OnlineService { get; set; }

    /// <summary>The result was issued electronically.</summary>
    public bool ElectronicResult { get; set; }

    /// <summary>The dossier and its result were digitised.</summary>
    public bool Digitised { get; set; }

    public bool PaidOnline { get; set; }

    /// <summary>The applicant gave a rating (summed in <see cref="Satisfaction"/>).</summary>
    public bool Rated { get; set; }

    /// <summary>A result was given by the end of the period.</summary>
    [StateAtEnd]
    public bool CompletedByEnd { get; set; }

    /// <summary>A result was given by the end of the period, on or before the day it was due.</summary>
    [StateAtEnd]
    public bool CompletedOnTime { get; set; }

    /// <summary>No result by the end of the period, which is past the day it was due.</summary>
    [StateAtEnd]
    public bool OverdueAtEnd { get; set; }

    /// <summary>The applicant's rating, 1 to 5 (0 when not rated).</summary>
    [Measure]
    public long Satisfaction { get; set; }
}

/// <summary>Posts held by the end of the period, by the post's unit, as they stood then.</summary>
public sealed class PostFacts : RecordFacts
{
    /// <summary>The post was still held on the day (it had not ended before it).</summary>
    [StateAtEnd]
    public bool InPost { get; set; }

    /// <summary>The apps (by code, <c>ihanoi</c>) its holder had installed by the day.</summary>
    [StateAtEnd]
    public IReadOnlySet<string> AppsInstalled { get; set; } = FrozenSet<string>.Empty;

    /// <summary>The apps its holder had installed and activated by the day.</summary>
    [StateAtEnd]
    public IReadOnlySet<string> AppsActivated { get; set; } = FrozenSet<string>.Empty;
}

/// <summary>A post with the day it ended and its holder's app installations.</summary>
internal sealed class PostRow : RecordFacts
{
    public DateOnly? To { get; init; }

    public List<AppInstallation> Installations { get; init; } = [];
}

/// <summary>A case with the dates its facts on a day are read from.</summary>
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

/// <summary>A reception session with its host, to tell the host's first session of each day.</summary>
internal sealed class ReceptionRow : RecordFacts
{
    public HostRole HostRole { get; init; }

    public SessionKind Kind { get; init; }

    public Guid? HostPersonId { get; init; }

    public string? HostName { get; init; }

    /// <summary>The host's first session of the day (the lowest reference), set once the host's sessions of the day are read.</summary>
    public bool FirstOfHostDay { get; set; }

    public long Visits { get; init; }

    public long People { get; init; }
}

/// <summary>A unit's study of a directive, with the directive's deadline.</summary>
internal sealed class StudyRow : RecordFacts
{
    public DateOnly? DueOn { get; init; }
}

/// <summary>An inspection with the day it was concluded.</summary>
internal sealed class InspectionRow : RecordFacts
{
    public InspectionKind Kind { get; init; }

    public DateOnly? ConcludedOn { get; init; }
}

/// <summary>A follow-up task with the day it was done.</summary>
internal sealed class TaskRow : RecordFacts
{
    public DateOnly? DoneOn { get; init; }
}


/// <summary>A dossier with the days its facts on a day are read from.</summary>
internal sealed class DossierRow : RecordFacts
{
    public ServiceLevel Level { get; init; }

    public DossierChannel Channel { get; init; }

    public OnlineService OnlineService { get; init; }

    public bool ElectronicResult { get; init; }

    public bool Digitised { get; init; }

    public bool PaidOnline { get; init; }

    public byte? Satisfaction { get; init; }

    public DateOnly DueOn { get; init; }

    public DateOnly? CompletedOn { get; init; }
}

/// <summary>Which records of a set a period takes.</summary>
public enum RecordCohort
{
    /// <summary>Those whose day (received, held, decided) is in the period.</summary>
    InPeriod,

    /// <summary>Those whose day (a directive issued, a conclusion made) is on or before the day the period's state is read on.</summary>
    ByEnd,
}

/// <summary>A set of records indicators count or sum: its name in definitions, its facts and measures, and how to read it.</summary>
public interface IRecordSet
{
    /// <summary>The name definitions use ("cases", "discipline").</summary>
    string Name { get; }

    /// <summary>The set's number in the fact tables; never reused.</summary>
    short Number { get; }

    /// <summary>The path of the pages that show its records ("cases" for /cases/{id}).</summary>
    string PagePath { get; }

    RecordCohort Cohort { get; }

    /// <summary>Facts by their name in definitions (camelCase), with their type.</summary>
    IReadOnlyDictionary<string, PropertyInfo> Facts { get; }

    /// <summary>Measures by their name in definitions (camelCase), in the order the fact tables keep them (at most two).</summary>
    IReadOnlyList<string> Measures { get; }

    Type FactsType { get; }

    /// <summary>The entities whose changes change the set's records.</summary>
    IReadOnlySet<Type> Sources { get; }

    /// <summary>
    /// The records whose key or dependency is one of <paramref name="ids"/> (ids of <see cref="Sources"/>), with those
    /// their facts are read together with (a host's other sessions of the day), ready to be read as facts.
    /// </summary>
    Task<IReadOnlyList<RecordFacts>> ReadAsync(OversightDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>
    /// The records of <paramref name="unitIds"/> (every unit when null) that a period ending on <paramref name="to"/>
    /// and starting on <paramref name="from"/> (any time when null) may take, by their cohort day, in batches ready to be
    /// read as facts: in the order of their day (<see cref="RecordFacts.On"/>) as they are read when
    /// <paramref name="byDay"/>; otherwise a month of cohort days per batch, each read whole.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<RecordFacts>> ReadAllAsync(
        OversightDbContext db, IReadOnlyCollection<Guid>? unitIds, DateOnly? from, DateOnly to, bool byDay, CancellationToken cancellationToken);

    /// <summary>
    /// Works out the facts of <paramref name="rows"/> that depend on each other (a host's first session of a day, a
    /// subject's first decision) among those rows only: how they stood before a change, given the rows as they were.
    /// </summary>
    void Complete(IReadOnlyList<RecordFacts> rows);

    /// <summary>A record's facts on <paramref name="day"/>.</summary>
    RecordFacts FactsOn(RecordFacts row, DateOnly day);

    /// <summary>The days after its cohort day on which a record's facts may change, in order.</summary>
    IEnumerable<DateOnly> ChangeDays(RecordFacts row);

    /// <summary>A definition's filter (a predicate on this set's facts) as a function, compiled once.</summary>
    Func<RecordFacts, bool> Matches(LambdaExpression filter);

    /// <summary>A measure of facts, by its index in <see cref="Measures"/>.</summary>
    long Measure(RecordFacts facts, int index);

    /// <summary>
    /// The row of a record being created, worked out from its entity without reading it back: for a set whose rows
    /// are each one entity's columns (the dossiers, written by the bulk path). Null for the others.
    /// </summary>
    RecordFacts? RowOfNew(object entity);
}

/// <summary>
/// A record set over facts <typeparamref name="TFacts"/>: a query reading each record as a <typeparamref name="TRow"/>,
/// how a row reads as facts on a day, and the days on which they may change.
/// </summary>
internal sealed class RecordSet<TRow, TFacts>(
    string name,
    short number,
    string pagePath,
    RecordCohort cohort,
    Type[] sources,
    Func<OversightDbContext, IQueryable<TRow>> rows,
    Func<TRow, DateOnly, TFacts> factsOn,
    Func<TRow, IEnumerable<DateOnly?>>? changeDays = null,
    bool dependent = false,
    Func<IQueryable<TRow>, IReadOnlyList<TRow>, CancellationToken, Task<List<TRow>>>? together = null,
    Action<IReadOnlyList<TRow>>? complete = null,
    Action<IReadOnlyList<TRow>>? asTheyStood = null,
    Func<object, TRow>? rowOfNew = null) : IRecordSet
    where TRow : RecordFacts
    where TFacts : RecordFacts
{
    /// <summary>Records read at a time when all are read; a batch ends with its day, so a host's sessions of a day stay together.</summary>
    private const int Batch = 5_000;

    private static readonly FrozenDictionary<string, PropertyInfo> OwnProperties = typeof(TFacts)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .ToFrozenDictionary(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..], StringComparer.Ordinal);

    /// <summary>Each filter compiled once, for as long as its definition lives.</summary>
    private static readonly ConditionalWeakTable<LambdaExpression, Func<RecordFacts, bool>> Compiled = [];

    private readonly Func<TFacts, long>[] amounts = OwnProperties
        .Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is not null)
        .Select(p => p.Value.GetMethod!.CreateDelegate<Func<TFacts, long>>())
        .ToArray();

    public string Name => name;

    public short Number => number;

    public string PagePath => pagePath;

    public RecordCohort Cohort => cohort;

    public Type FactsType => typeof(TFacts);

    public IReadOnlySet<Type> Sources { get; } = sources.ToFrozenSet();

    public IReadOnlyDictionary<string, PropertyInfo> Facts { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is null).ToFrozenDictionary(StringComparer.Ordinal);

    public IReadOnlyList<string> Measures { get; } =
        OwnProperties.Where(p => p.Value.GetCustomAttribute<MeasureAttribute>() is not null).Select(p => p.Key).ToArray();

    public async Task<IReadOnlyList<RecordFacts>> ReadAsync(OversightDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        // A case whose reception session was deleted is unlinked by the database itself: the session names it.
        var keys = ids.ToList();
        var found = dependent
            ? await rows(db).Where(r => keys.Contains(r.Key) || (r.DependsOn != null && keys.Contains(r.DependsOn.Value))).ToListAsync(cancellationToken)
            : await rows(db).Where(r => keys.Contains(r.Key)).ToListAsync(cancellationToken);

        if (together is not null && found.Count > 0)
        {
            found = await together(rows(db), found, cancellationToken);
        }

        complete?.Invoke(found);
        return found;
    }

    public async IAsyncEnumerable<IReadOnlyList<RecordFacts>> ReadAllAsync(
        OversightDbContext db, IReadOnlyCollection<Guid>? unitIds, DateOnly? from, DateOnly to, bool byDay, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = rows(db).Where(r => r.Cohort != null && r.Cohort <= to);
        if (from is { } first)
        {
            query = query.Where(r => r.Cohort >= first);
        }

        if (unitIds is not null)
        {
            var units = unitIds.ToList();
            query = query.Where(r => units.Contains(r.UnitId));
        }

        if (!byDay)
        {
            // A month of records at a time, each read whole, so that the caller may write between batches on the same
            // connection (PostgreSQL runs one command at a time on a connection).
            if (await query.MinAsync(r => r.Cohort, cancellationToken) is not { } earliest || await query.MaxAsync(r => r.Cohort, cancellationToken) is not { } latest)
            {
                yield break;
            }

            for (var month = new DateOnly(earliest.Year, earliest.Month, 1); month <= latest; month = month.AddMonths(1))
            {
                var (start, end) = (month, month.AddMonths(1).AddDays(-1));
                var rows = await query.Where(r => r.Cohort >= start && r.Cohort <= end).OrderBy(r => r.Cohort).ThenBy(r => r.Key).ToListAsync(cancellationToken);
                if (rows.Count > 0)
                {
                    complete?.Invoke(rows);
                    yield return rows;
                }
            }

            yield break;
        }

        var batch = new List<TRow>();
        await foreach (var row in query.OrderBy(r => r.On).ThenBy(r => r.Reference).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (batch.Count >= Batch && batch[^1].Cohort != row.Cohort)
            {
                complete?.Invoke(batch);
                yield return batch;
                batch = [];
            }

            batch.Add(row);
        }

        if (batch.Count > 0)
        {
            complete?.Invoke(batch);
            yield return batch;
        }
    }

    public void Complete(IReadOnlyList<RecordFacts> rows) => (asTheyStood ?? complete)?.Invoke(rows.Cast<TRow>().ToList());

    public RecordFacts FactsOn(RecordFacts row, DateOnly day) => factsOn((TRow)row, day);

    public IEnumerable<DateOnly> ChangeDays(RecordFacts row) => changeDays is null || row.Cohort is not { } cohortDay
        ? []
        : changeDays((TRow)row).OfType<DateOnly>().Where(day => day > cohortDay).Distinct().Order();

    public Func<RecordFacts, bool> Matches(LambdaExpression filter) => Compiled.GetValue(filter, f =>
    {
        var typed = ((Expression<Func<TFacts, bool>>)f).Compile();
        return facts => typed((TFacts)facts);
    });

    public long Measure(RecordFacts facts, int index) => amounts[index]((TFacts)facts);

    public RecordFacts? RowOfNew(object entity) => rowOfNew?.Invoke(entity);
}

/// <summary>Every record set indicators can be defined over.</summary>
/// <remarks>
/// A set's facts on a day are those the period whose state is read on that day sees: "by the end" is that day. A
/// record dated after it (a period that has not ended, a record dated ahead) counts as it stands on its own day.
/// </remarks>
public static class RecordSets
{
    public static IRecordSet Cases { get; } = new RecordSet<CaseRow, CaseFacts>(
        "cases",
        1,
        "cases",
        RecordCohort.InPeriod,
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
                Cohort = c.ReceivedOn,
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
        (c, day) =>
        {
            var closedByEnd = c.ClosedOn <= day;
            var openNow = c.Status is CaseStatus.Received or CaseStatus.Accepted or CaseStatus.UnderConsideration;
            var openAtEnd = !closedByEnd || openNow;
            var facts = new CaseFacts
            {
                Kind = c.Kind,
                Channel = c.Channel,
                HostRole = c.HostRole,
                WithinJurisdiction = c.WithinJurisdiction,
                Complex = c.Complex,
                Protracted = c.Protracted,
                ResolvedByEnd = c.Status == CaseStatus.Resolved && closedByEnd,
                OpenAtEnd = openAtEnd,
                OverdueAtEnd = openAtEnd && (c.AcceptedOn <= day ? c.DueOn : c.AcceptanceDueOn) < day,
                ClosedBeforeReceived = c.ClosedOn < c.On,
            };
            facts.ResolvedOnTime = facts.ResolvedByEnd && c.ClosedOn <= c.DueOn;
            facts.StatusAtEnd = !openAtEnd ? c.Status : !(c.AcceptedOn <= day) ? CaseStatus.Received : openNow ? c.Status : CaseStatus.UnderConsideration;
            facts.Identify(c);
            return facts;
        },
        c => [c.ClosedOn, c.AcceptedOn, c.AcceptanceDueOn?.AddDays(1), c.DueOn?.AddDays(1)],
        dependent: true);

    public static IRecordSet Receptions { get; } = new RecordSet<ReceptionRow, ReceptionFacts>(
        "receptions",
        2,
        "reception",
        RecordCohort.InPeriod,
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
                Cohort = s.HeldOn,
                HostRole = s.HostRole,
                Kind = s.Kind,
                HostPersonId = s.HostPersonId,
                HostName = s.HostName,
                Visits = s.Visits,
                People = s.People,
            },
        (s, _) =>
        {
            var facts = new ReceptionFacts { HostRole = s.HostRole, Kind = s.Kind, FirstOfHostDay = s.FirstOfHostDay, Visits = s.Visits, People = s.People };
            facts.Identify(s);
            return facts;
        },
        together: async (all, found, cancellationToken) =>
        {
            // Whether a session is its host's first of the day depends on the host's other sessions that day.
            var days = found.Select(s => s.Cohort).Distinct().ToList();
            var hosts = found.Select(HostDay).ToHashSet();
            var read = found.Select(s => s.Key).ToHashSet();
            var others = await all.Where(s => days.Contains(s.Cohort)).ToListAsync(cancellationToken);
            return [.. found, .. others.Where(s => !read.Contains(s.Key) && hosts.Contains(HostDay(s)))];
        },
        complete: FirstOfHostDay);

    public static IRecordSet Dialogues { get; } = new RecordSet<DialogueFacts, DialogueFacts>(
        "dialogues",
        3,
        "dialogues",
        RecordCohort.InPeriod,
        [typeof(DialogueMeeting)],
        db =>
            from m in db.DialogueMeetings.AsNoTracking()
            select new DialogueFacts { Key = m.Id, UnitId = m.UnitId, RecordId = m.Id, Reference = m.Reference, On = m.HeldOn, Cohort = m.HeldOn, Level = m.Level, Participants = m.Participants },
        Itself);

    public static IRecordSet DisseminationEvents { get; } = new RecordSet<DisseminationEventFacts, DisseminationEventFacts>(
        "disseminationEvents",
        4,
        "dissemination",
        RecordCohort.InPeriod,
        [typeof(DisseminationEvent)],
        db =>
            from e in db.DisseminationEvents.AsNoTracking()
            select new DisseminationEventFacts { Key = e.Id, UnitId = e.OrganiserUnitId, RecordId = e.Id, Reference = e.Reference, On = e.HeldOn, Cohort = e.HeldOn, Online = e.Online },
        Itself);

    public static IRecordSet Attendance { get; } = new RecordSet<AttendanceFacts, AttendanceFacts>(
        "attendance",
        5,
        "dissemination",
        RecordCohort.InPeriod,
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
                Cohort = e.HeldOn,
                Online = e.Online,
                AttendedOverInvited = a.Attended > a.Invited,
                Invited = a.Invited,
                Attended = a.Attended,
            },
        Itself);

    public static IRecordSet Studies { get; } = new RecordSet<StudyRow, StudyFacts>(
        "studies",
        6,
        "directives",
        RecordCohort.ByEnd,
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
                Cohort = d.IssuedOn,
                DueOn = d.DisseminationDueOn,
            },
        (s, day) =>
        {
            var facts = new StudyFacts { OnTime = DisseminationCompletion.OnTime(s.On, s.DueOn, day) };
            facts.Identify(s);
            return facts;
        },
        s => [s.On],
        dependent: true);

    public static IRecordSet Completions { get; } = new RecordSet<CompletionFacts, CompletionFacts>(
        "completions",
        12,
        "directives",
        RecordCohort.InPeriod,
        [typeof(DisseminationCompletion), typeof(Directive)],
        db =>
            from c in db.DisseminationCompletions.AsNoTracking()
            join d in db.Directives on c.DirectiveId equals d.Id
            select new CompletionFacts
            {
                Key = c.Id,
                DependsOn = d.Id,
                UnitId = c.UnitId,
                RecordId = d.Id,
                Reference = d.Symbol,
                On = c.CompletedOn,
                Cohort = c.CompletedOn,
                MembersReached = c.MembersReached,
            },
        Itself,
        dependent: true);

    public static IRecordSet Inspections { get; } = new RecordSet<InspectionRow, InspectionFacts>(
        "inspections",
        7,
        "inspections",
        RecordCohort.InPeriod,
        [typeof(Inspection)],
        db =>
            from i in db.Inspections.AsNoTracking()
            select new InspectionRow
            {
                Key = i.Id, UnitId = i.DecidingUnitId, RecordId = i.Id, Reference = i.Reference, On = i.DecidedOn, Cohort = i.DecidedOn, Kind = i.Kind, ConcludedOn = i.ConcludedOn,
            },
        (i, day) =>
        {
            var facts = new InspectionFacts { Kind = i.Kind, ConcludedByEnd = i.ConcludedOn <= day };
            facts.Identify(i);
            return facts;
        },
        i => [i.ConcludedOn]);

    public static IRecordSet InspectionTargets { get; } = new RecordSet<InspectionTargetFacts, InspectionTargetFacts>(
        "inspectionTargets",
        8,
        "inspections",
        RecordCohort.InPeriod,
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
                Cohort = i.DecidedOn,
                InspectionKind = i.Kind,
                TargetKind = t.Kind,
            },
        Itself,
        dependent: true);

    public static IRecordSet Discipline { get; } = new RecordSet<DisciplineFacts, DisciplineFacts>(
        "discipline",
        9,
        "discipline",
        RecordCohort.InPeriod,
        [typeof(DisciplineDecision), typeof(DecisionManifestation)],
        db =>
            from d in db.DisciplineDecisions.AsNoTracking()
            let subject = d.SubjectPersonId ?? d.SubjectUnitId
            select new DisciplineFacts
            {
                Key = d.Id,
                DependsOn = subject,
                UnitId = d.DecidingUnitId,
                RecordId = d.Id,
                Reference = d.DecisionNumber,
                On = d.DecidedOn,
                Cohort = d.DecidedOn,
                Body = d.Body,
                Subject = d.Subject,
                Form = d.Form,
                WithManifestations = d.Manifestations.Any(),
                FirstForSubject = !db.DisciplineDecisions.Any(o => (o.SubjectPersonId ?? o.SubjectUnitId) == subject
                    && (o.DecidedOn < d.DecidedOn || (o.DecidedOn == d.DecidedOn && o.DecisionNumber.CompareTo(d.DecisionNumber) < 0))),
                FirstWithManifestationsForSubject = d.Manifestations.Any() && !db.DisciplineDecisions.Any(o => (o.SubjectPersonId ?? o.SubjectUnitId) == subject
                    && o.Manifestations.Any() && (o.DecidedOn < d.DecidedOn || (o.DecidedOn == d.DecidedOn && o.DecisionNumber.CompareTo(d.DecisionNumber) < 0))),
            },
        Itself,
        together: async (all, found, cancellationToken) =>
        {
            // Whether a decision is its subject's first depends on the subject's other decisions.
            var subjects = found.Select(d => d.DependsOn).OfType<Guid>().Distinct().ToList();
            var read = found.Select(d => d.Key).ToHashSet();
            var others = await all.Where(d => d.DependsOn != null && subjects.Contains(d.DependsOn.Value)).ToListAsync(cancellationToken);
            return [.. found, .. others.Where(d => !read.Contains(d.Key))];
        },
        asTheyStood: FirstForSubject);

    public static IRecordSet Moves { get; } = new RecordSet<MoveFacts, MoveFacts>(
        "moves",
        10,
        "moves",
        RecordCohort.InPeriod,
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
                Cohort = m.EffectiveOn,
                Kind = m.Kind,
                Reason = m.Reason,
                PostKind = m.PostKind,
            },
        Itself);

    public static IRecordSet Tasks { get; } = new RecordSet<TaskRow, TaskFacts>(
        "tasks",
        11,
        "tasks",
        RecordCohort.ByEnd,
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
                Cohort = i.ConcludedOn,
                DoneOn = t.DoneOn,
            },
        (t, day) =>
        {
            var facts = new TaskFacts { DoneByEnd = t.DoneOn <= day };
            facts.DoneLateByEnd = facts.DoneByEnd && FollowUpTask.IsLate(t.On!.Value, t.DoneOn);
            facts.OverdueAtEnd = t.On < day && !facts.DoneByEnd;
            facts.Identify(t);
            return facts;
        },
        t => [t.DoneOn, t.On?.AddDays(1)],
        dependent: true);

    /// <summary>A dossier as the facts read it: one projection, run by the database for stored dossiers and in memory for new ones.</summary>
    private static readonly Expression<Func<Dossier, DossierRow>> DossierRowOf = d => new DossierRow
    {
        Key = d.Id,
        UnitId = d.UnitId,
        RecordId = d.Id,
        Reference = d.Code,
        On = d.ReceivedOn,
        Cohort = d.ReceivedOn,
        Level = d.Level,
        Channel = d.Channel,
        OnlineService = d.OnlineService,
        ElectronicResult = d.ElectronicResult,
        Digitised = d.Digitised,
        PaidOnline = d.PaidOnline,
        Satisfaction = d.Satisfaction,
        DueOn = d.DueOn,
        CompletedOn = d.CompletedOn,
    };

    private static readonly Func<Dossier, DossierRow> DossierRowOfNew = DossierRowOf.Compile();

    public static IRecordSet Dossiers { get; } = new RecordSet<DossierRow, DossierFacts>(
        "dossiers",
        13,
        "dossiers",
        RecordCohort.InPeriod,
        [typeof(Dossier)],
        db => db.Dossiers.AsNoTracking().Select(DossierRowOf),
        (d, day) =>
        {
            var completedByEnd = d.CompletedOn <= day;
            var facts = new DossierFacts
            {
                Level = d.Level,
                Channel = d.Channel,
                OnlineService = d.OnlineService,
                ElectronicResult = d.ElectronicResult,
                Digitised = d.Digitised,
                PaidOnline = d.PaidOnline,
                Rated = d.Satisfaction is not null,
                Satisfaction = d.Satisfaction ?? 0,
                CompletedByEnd = completedByEnd,
                CompletedOnTime = completedByEnd && d.CompletedOn <= d.DueOn,
                OverdueAtEnd = !completedByEnd && d.DueOn < day,
            };
            facts.Identify(d);
            return facts;
        },
        d => [d.CompletedOn, d.DueOn.AddDays(1)],
        rowOfNew: dossier => DossierRowOfNew((Dossier)dossier));

    /// <summary>
    /// Every post a person held, with the apps the holder installed: staff in post on a day, and how many of them had
    /// installed an app by then. A person holding two posts counts in each post's unit.
    /// </summary>
    public static IRecordSet Posts { get; } = new RecordSet<PostRow, PostFacts>(
        "posts",
        14,
        "people",
        RecordCohort.ByEnd,
        [typeof(PositionHeld), typeof(AppInstallation)],
        db =>
            from p in db.Positions.AsNoTracking()
            join person in db.People on p.PersonId equals person.Id
            select new PostRow
            {
                Key = p.Id,
                DependsOn = p.PersonId,
                UnitId = p.UnitId,
                RecordId = p.PersonId,
                Reference = person.Code,
                On = p.From,

                // A post without a first day has been held as long as records go back.
                Cohort = p.From ?? DateOnly.MinValue,
                To = p.To,
                Installations = db.AppInstallations.Where(a => a.PersonId == p.PersonId).ToList(),
            },
        (p, day) =>
        {
            var facts = new PostFacts
            {
                InPost = p.To is not { } to || to >= day,
                AppsInstalled = p.Installations.Where(a => a.InstalledOn <= day).Select(a => a.App).ToFrozenSet(StringComparer.Ordinal),
                AppsActivated = p.Installations.Where(a => a.ActivatedOn <= day).Select(a => a.App).ToFrozenSet(StringComparer.Ordinal),
            };
            facts.Identify(p);
            return facts;
        },
        p => [p.To?.AddDays(1), .. p.Installations.SelectMany(a => new[] { (DateOnly?)a.InstalledOn, a.ActivatedOn })],
        dependent: true);

    public static IReadOnlyDictionary<string, IRecordSet> ByName { get; } =
        Numbered([Cases, Receptions, Dialogues, DisseminationEvents, Attendance, Studies, Completions, Inspections, InspectionTargets, Discipline, Moves, Tasks, Dossiers, Posts])
            .ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The sets, each with a number of its own: the fact tables tell the sets apart by it.</summary>
    private static IRecordSet[] Numbered(IRecordSet[] sets) =>
        sets.GroupBy(s => s.Number).FirstOrDefault(g => g.Count() > 1) is { } shared
            ? throw new InvalidOperationException($"Record sets {string.Join(" and ", shared.Select(s => s.Name))} share number {shared.Key}.")
            : sets;

    /// <summary>The facts of a set whose facts do not change with the day: the record itself.</summary>
    private static TFacts Itself<TFacts>(TFacts record, DateOnly day)
        where TFacts : RecordFacts => record;

    private static (DateOnly?, HostRole, Guid?, string?) HostDay(ReceptionRow s) => (s.Cohort, s.HostRole, s.HostPersonId, s.HostName);

    /// <summary>Marks each subject's first decision, and first with a manifestation, by the day decided and then the number, among <paramref name="decisions"/>.</summary>
    private static void FirstForSubject(IReadOnlyList<DisciplineFacts> decisions)
    {
        foreach (var subject in decisions.GroupBy(d => d.DependsOn))
        {
            var ordered = subject.OrderBy(d => d.On).ThenBy(d => d.Reference, StringComparer.Ordinal).ToList();
            var first = ordered[0];
            var firstWith = ordered.FirstOrDefault(d => d.WithManifestations);
            foreach (var decision in ordered)
            {
                decision.FirstForSubject = decision == first;
                decision.FirstWithManifestationsForSubject = decision == firstWith;
            }
        }
    }

    /// <summary>Marks each host's first session of each day (the lowest reference): counting these counts the days each host received citizens.</summary>
    private static void FirstOfHostDay(IReadOnlyList<ReceptionRow> sessions)
    {
        foreach (var day in sessions.GroupBy(HostDay))
        {
            var first = day.MinBy(s => s.Reference, StringComparer.Ordinal)!;
            foreach (var session in day)
            {
                session.FirstOfHostDay = session == first;
            }
        }
    }
}
