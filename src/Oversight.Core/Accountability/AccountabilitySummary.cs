using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>Dissemination of directives to the units of a subtree: <c>Participation</c> is attended ÷ invited, summed over the units' attendance.</summary>
public sealed record DisseminationFigures(int Events, Ratio Participation, Ratio UnitsCompleted, int MembersReached);

/// <summary>Inspections and supervisions decided in the period, and what they looked at.</summary>
public sealed record InspectionFigures(int Teams, int UnitsInspected, int MembersInspected, int OrganisationsSupervised, int MembersSupervised);

/// <summary>Decisions of one kind of deciding body: on organisations, and on members (probationary members included).</summary>
public sealed record DisciplineCounts(int Organisations, int Members);

public sealed record DisciplineFigures(IReadOnlyDictionary<DecidingBody, DisciplineCounts> ByBody, int WithManifestations, int Total);

public sealed record PersonnelFigures(int Moves, int UnderDirective, IReadOnlyDictionary<PostKind, int> ByPostKind);

/// <summary>Follow-up tasks as they stood on a day: <c>Overdue</c> are the open ones past their deadline.</summary>
public sealed record FollowUpFigures(DateOnly AsOf, int Open, int Done, int Overdue);

public sealed record AccountabilityFigures(
    UnitSnapshot Unit,
    DateOnly From,
    DateOnly To,
    DisseminationFigures Dissemination,
    InspectionFigures Inspections,
    DisciplineFigures Discipline,
    PersonnelFigures Personnel,
    FollowUpFigures FollowUp);

/// <summary>
/// The figures of directives' implementation per unit subtree and period [From, To]: dissemination, inspection and
/// supervision, discipline, personnel moves and the follow-up of conclusions, computed from the records.
/// </summary>
/// <remarks>
/// The subtree is the unit's as it stood on the first and the last day of the period (their union), as for the
/// citizen figures. What counts where:
/// <list type="bullet">
/// <item>Dissemination: the attendance of the subtree's units at events held in the period (an event the district
/// organises counts for each commune that took part); a unit has completed a directive's study when it did so by
/// the directive's deadline and by the end of the period, out of the units that must (directives issued by then);
/// members reached by the studies completed in the period.</item>
/// <item>Inspections decided in the period by a body of the subtree: one team each; the units and organisations they
/// inspected or supervised, and the members.</item>
/// <item>Discipline decided in the period by a body of the subtree, by body and subject; those whose violation
/// showed a manifestation of a directive's appendix.</item>
/// <item>Moves effective in the period from or to a unit of the subtree.</item>
/// <item>Follow-up tasks of the subtree's units from conclusions made by the end of the period, as they stood at the
/// end of the period (or today, when the period has not ended).</item>
/// </list>
/// Every figure is a count or a <see cref="Ratio"/> of counts, so that the indicator engine can express and roll it up.
/// </remarks>
public sealed class AccountabilitySummary(CallerScope scope, OversightDbContext db, TimeProvider time)
{
    /// <summary>The figures for the unit carrying <paramref name="unitCode"/> in the period; null when it does not exist then for the caller.</summary>
    public async Task<AccountabilityFigures?> ForAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var units = SubtreeUnits.Resolve(await scope.GraphAsync(cancellationToken), await scope.FilterAsync(cancellationToken), unitCode, [to, from]);
        if (units?.Unit is not { } unit)
        {
            return null;
        }

        var ids = units.UnitIds?.ToList();
        var asOf = DateOnly.FromDayNumber(Math.Min(to.DayNumber, VietnamTime.Today(time).DayNumber));

        var attendance = await db.DisseminationAttendance.AsNoTracking()
            .Join(db.DisseminationEvents.Where(e => e.HeldOn >= from && e.HeldOn <= to), a => a.EventId, e => e.Id, (a, e) => a)
            .Where(a => ids == null || ids.Contains(a.UnitId))
            .Select(a => new { a.EventId, a.Invited, a.Attended })
            .ToListAsync(cancellationToken);
        var completions = await db.DisseminationCompletions.AsNoTracking()
            .Where(c => ids == null || ids.Contains(c.UnitId))
            .Join(db.Directives.Where(d => d.IssuedOn <= to), c => c.DirectiveId, d => d.Id, (c, d) => new { c.CompletedOn, c.MembersReached, d.DisseminationDueOn })
            .ToListAsync(cancellationToken);
        var dissemination = new DisseminationFigures(
            attendance.Select(a => a.EventId).Distinct().Count(),
            new Ratio(attendance.Sum(a => a.Attended), attendance.Sum(a => a.Invited)),
            new Ratio(completions.Count(c => DisseminationCompletion.OnTime(c.CompletedOn, c.DisseminationDueOn, to)), completions.Count),
            completions.Where(c => c.CompletedOn >= from && c.CompletedOn <= to).Sum(c => c.MembersReached));

        var targets = await db.Inspections.AsNoTracking()
            .Where(i => i.DecidedOn >= from && i.DecidedOn <= to && (ids == null || ids.Contains(i.DecidingUnitId)))
            .Select(i => new { i.Id, i.Kind, Targets = i.Targets.Select(t => t.Kind).ToList() })
            .ToListAsync(cancellationToken);
        int CountTargets(bool supervision, bool members) => targets
            .Where(i => (i.Kind == InspectionKind.Supervision) == supervision)
            .Sum(i => i.Targets.Count(kind => (kind == TargetKind.PartyMember) == members));
        var inspections = new InspectionFigures(targets.Count, CountTargets(false, false), CountTargets(false, true), CountTargets(true, false), CountTargets(true, true));

        var decisions = await db.DisciplineDecisions.AsNoTracking()
            .Where(d => d.DecidedOn >= from && d.DecidedOn <= to && (ids == null || ids.Contains(d.DecidingUnitId)))
            .Select(d => new { d.Body, d.Subject, WithManifestations = d.Manifestations.Any() })
            .ToListAsync(cancellationToken);
        var discipline = new DisciplineFigures(
            Enum.GetValues<DecidingBody>().ToDictionary(
                body => body,
                body => new DisciplineCounts(
                    decisions.Count(d => d.Body == body && d.Subject == DisciplineSubject.Organisation),
                    decisions.Count(d => d.Body == body && d.Subject != DisciplineSubject.Organisation))),
            decisions.Count(d => d.WithManifestations),
            decisions.Count);

        var moves = await db.PersonnelMoves.AsNoTracking()
            .Where(m => m.EffectiveOn >= from && m.EffectiveOn <= to && (ids == null || ids.Contains(m.FromUnitId) || ids.Contains(m.ToUnitId)))
            .Select(m => new { m.Reason, m.PostKind })
            .ToListAsync(cancellationToken);
        var personnel = new PersonnelFigures(
            moves.Count,
            moves.Count(m => m.Reason == MoveReason.UnderDirective),
            Enum.GetValues<PostKind>().ToDictionary(kind => kind, kind => moves.Count(m => m.PostKind == kind)));

        var tasks = await db.FollowUpTasks.AsNoTracking()
            .Where(t => ids == null || ids.Contains(t.OwnerUnitId))
            .Join(db.Inspections.Where(i => i.ConcludedOn != null && i.ConcludedOn <= to), t => t.InspectionId, i => i.Id, (t, i) => new { t.DueOn, t.DoneOn })
            .ToListAsync(cancellationToken);
        var done = tasks.Count(t => t.DoneOn <= asOf);
        var followUp = new FollowUpFigures(asOf, tasks.Count - done, done, tasks.Count(t => FollowUpTask.IsOverdue(t.DueOn, t.DoneOn, asOf)));

        return new AccountabilityFigures(unit, from, to, dissemination, inspections, discipline, personnel, followUp);
    }
}
