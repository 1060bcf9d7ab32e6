using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Petitions;

/// <summary>A count out of a count. Figures roll up by summing numerators and denominators, never by averaging rates.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    /// <summary>Numerator ÷ denominator (0.818… for 18 of 22); null when the denominator is 0.</summary>
    public double? Rate => Denominator == 0 ? null : (double)Numerator / Denominator;
}

/// <summary>Receptions held by one kind of host over a period, and what became of the cases brought to them.</summary>
/// <remarks>
/// <c>Days</c> counts the days on which a host received citizens, per host (two hosts on one day are two days).
/// <c>Cases</c> are the cases brought at these sessions; <c>WithinJurisdiction</c> those of them within the
/// handling unit's jurisdiction, of which <c>Resolved</c> were resolved by the end of the period and
/// <c>UnderConsideration</c> were still open then.
/// </remarks>
public sealed record ReceptionFigures(int Days, int Visits, int People, int Cases, int WithinJurisdiction, int Resolved, int UnderConsideration)
{
    public static ReceptionFigures None { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public ReceptionFigures Plus(ReceptionFigures other) => new(
        Days + other.Days, Visits + other.Visits, People + other.People, Cases + other.Cases,
        WithinJurisdiction + other.WithinJurisdiction, Resolved + other.Resolved, UnderConsideration + other.UnderConsideration);
}

/// <summary>The citizen figures of a unit's subtree over a period [From, To], both days included.</summary>
/// <remarks>
/// <c>Cases</c>, <c>ByKind</c> and <c>ByStatus</c> count the cases received in the period. <c>ByStatus</c> gives
/// each case's status at the end of the period: its final status when it closed by then; otherwise received
/// until accepted, then its current open status (under consideration if it has closed since).
/// <c>WithinJurisdiction</c> is resolved by the end of the period ÷ cases within jurisdiction; <c>OnTime</c> is
/// resolved on or before the resolution deadline ÷ resolved by the end of the period (no deadline: not on time).
/// The receptions count sessions held in the period: <c>ReceptionsBySecretary</c> those hosted by a Party
/// secretary, <c>ReceptionsByLeaders</c> by a People's Committee chairman or another leader.
/// </remarks>
public sealed record CitizenSummaryFigures(
    UnitSnapshot Unit,
    DateOnly From,
    DateOnly To,
    int Cases,
    IReadOnlyDictionary<CaseKind, int> ByKind,
    IReadOnlyDictionary<CaseStatus, int> ByStatus,
    Ratio WithinJurisdiction,
    Ratio OnTime,
    IReadOnlyDictionary<HostRole, ReceptionFigures> ReceptionsByRole,
    ReceptionFigures ReceptionsBySecretary,
    ReceptionFigures ReceptionsByLeaders,
    IReadOnlyDictionary<DialogueLevel, int> DialogueMeetings);

/// <summary>
/// Citizen reception and petition figures per unit subtree and period, computed from the records: cases by kind
/// and status, jurisdiction and on-time ratios, receptions by host role, dialogue meetings by level.
/// </summary>
/// <remarks>
/// The subtree is the unit's as it stood on the first and on the last day of the period (their union), so a
/// period across a reorganisation keeps the units that left or joined. Every figure is a count or a
/// <see cref="Ratio"/> of counts, so that the indicator engine can express and roll it up.
/// </remarks>
public sealed class CitizenSummary(CallerScope scope, OversightDbContext db)
{
    /// <summary>The figures for the unit carrying <paramref name="unitCode"/> in the period; null when it does not exist then for the caller.</summary>
    public async Task<CitizenSummaryFigures?> ForAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var units = SubtreeUnits.Resolve(await scope.GraphAsync(cancellationToken), await scope.FilterAsync(cancellationToken), unitCode, [to, from]);
        if (units?.Unit is not { } unit)
        {
            return null;
        }

        var ids = units.UnitIds?.ToList();
        var cases = db.Cases.AsNoTracking().Where(c => c.ReceivedOn >= from && c.ReceivedOn <= to);
        var sessions = db.ReceptionSessions.AsNoTracking().Where(s => s.HeldOn >= from && s.HeldOn <= to);
        var meetings = db.DialogueMeetings.AsNoTracking().Where(m => m.HeldOn >= from && m.HeldOn <= to);
        if (ids is not null)
        {
            cases = cases.Where(c => ids.Contains(c.UnitId));
            sessions = sessions.Where(s => ids.Contains(s.UnitId));
            meetings = meetings.Where(m => ids.Contains(m.UnitId));
        }

        var caseTallies = await cases
            .GroupBy(c => new
            {
                c.Kind,
                c.Status,
                c.WithinJurisdiction,
                ClosedByEnd = c.ClosedOn != null && c.ClosedOn <= to,
                AcceptedByEnd = c.AcceptedOn != null && c.AcceptedOn <= to,
                OnTime = c.ClosedOn != null && c.DueOn != null && c.ClosedOn <= c.DueOn,
            })
            .Select(g => new CaseTally(null, g.Key.Kind, g.Key.Status, g.Key.WithinJurisdiction, g.Key.ClosedByEnd, g.Key.AcceptedByEnd, g.Key.OnTime, g.Count()))
            .ToListAsync(cancellationToken);
        var sessionCaseTallies = await sessions
            .Join(db.Cases, s => (Guid?)s.Id, c => c.ReceptionSessionId, (s, c) => new { s.HostRole, Case = c })
            .GroupBy(x => new
            {
                x.HostRole,
                x.Case.Kind,
                x.Case.Status,
                x.Case.WithinJurisdiction,
                ClosedByEnd = x.Case.ClosedOn != null && x.Case.ClosedOn <= to,
                AcceptedByEnd = x.Case.AcceptedOn != null && x.Case.AcceptedOn <= to,
            })
            .Select(g => new CaseTally(g.Key.HostRole, g.Key.Kind, g.Key.Status, g.Key.WithinJurisdiction, g.Key.ClosedByEnd, g.Key.AcceptedByEnd, false, g.Count()))
            .ToListAsync(cancellationToken);
        var attendance = await sessions
            .GroupBy(s => s.HostRole)
            .Select(g => new { Role = g.Key, Visits = g.Sum(s => s.Visits), People = g.Sum(s => s.People) })
            .ToDictionaryAsync(a => a.Role, cancellationToken);
        var days = await sessions
            .Select(s => new { s.HostRole, s.HostPersonId, s.HostName, s.HeldOn })
            .Distinct()
            .GroupBy(s => s.HostRole)
            .Select(g => new { Role = g.Key, Days = g.Count() })
            .ToDictionaryAsync(d => d.Role, d => d.Days, cancellationToken);
        var meetingsByLevel = await meetings
            .GroupBy(m => m.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(m => m.Level, m => m.Count, cancellationToken);

        var byRole = Enum.GetValues<HostRole>().ToDictionary(role => role, role =>
        {
            var tallies = sessionCaseTallies.Where(t => t.Role == role).ToList();
            var within = tallies.Where(t => t.WithinJurisdiction == true).ToList();
            return new ReceptionFigures(
                days.GetValueOrDefault(role),
                attendance.GetValueOrDefault(role)?.Visits ?? 0,
                attendance.GetValueOrDefault(role)?.People ?? 0,
                tallies.Sum(t => t.Count),
                within.Sum(t => t.Count),
                within.Where(t => t.ResolvedByEnd).Sum(t => t.Count),
                within.Where(t => t.OpenAtEnd).Sum(t => t.Count));
        });
        var withinJurisdiction = caseTallies.Where(t => t.WithinJurisdiction == true).ToList();
        var resolved = caseTallies.Where(t => t.ResolvedByEnd).ToList();
        return new CitizenSummaryFigures(
            unit,
            from,
            to,
            caseTallies.Sum(t => t.Count),
            Enum.GetValues<CaseKind>().ToDictionary(kind => kind, kind => caseTallies.Where(t => t.Kind == kind).Sum(t => t.Count)),
            Enum.GetValues<CaseStatus>().ToDictionary(status => status, status => caseTallies.Where(t => t.StatusAtEnd == status).Sum(t => t.Count)),
            new Ratio(withinJurisdiction.Where(t => t.ResolvedByEnd).Sum(t => t.Count), withinJurisdiction.Sum(t => t.Count)),
            new Ratio(resolved.Where(t => t.OnTime).Sum(t => t.Count), resolved.Sum(t => t.Count)),
            byRole,
            byRole[HostRole.PartySecretary],
            byRole[HostRole.CommitteeChairman].Plus(byRole[HostRole.OtherLeader]),
            Enum.GetValues<DialogueLevel>().ToDictionary(level => level, level => meetingsByLevel.GetValueOrDefault(level)));
    }

    /// <summary>How many cases share one combination of the facts the figures need.</summary>
    private sealed record CaseTally(HostRole? Role, CaseKind Kind, CaseStatus Status, bool? WithinJurisdiction, bool ClosedByEnd, bool AcceptedByEnd, bool OnTime, int Count)
    {
        private bool IsOpenNow => Status is CaseStatus.Received or CaseStatus.Accepted or CaseStatus.UnderConsideration;

        public bool OpenAtEnd => IsOpenNow || !ClosedByEnd;

        public bool ResolvedByEnd => Status == CaseStatus.Resolved && ClosedByEnd;

        public CaseStatus StatusAtEnd =>
            !OpenAtEnd ? Status
            : !AcceptedByEnd ? CaseStatus.Received
            : IsOpenNow ? Status
            : CaseStatus.UnderConsideration;
    }
}
