using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Petitions;

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
/// supervision, discipline, personnel moves and the follow-up of conclusions; each an indicator of the definitions,
/// computed by the <see cref="IndicatorEngine"/>.
/// </summary>
/// <remarks>
/// The subtree is the unit's as it stood on the first and the last day of the period (their union), as for the
/// citizen figures. Whose record is whose is said once, in the record sets (Indicators/README.md): an event, an
/// inspection, a decision and a move are the deciding or organising unit's; attendance and a study, the attending or
/// studying unit's; a task, its owner's.
/// </remarks>
public sealed class AccountabilitySummary(IndicatorEngine engine)
{
    private static readonly IReadOnlyDictionary<DecidingBody, string> BodyCodes = new Dictionary<DecidingBody, string>
    {
        [DecidingBody.StandingCommittee] = "DSC.STANDING",
        [DecidingBody.InspectionCommittee] = "DSC.INSPECTION-COMMITTEE",
        [DecidingBody.PartyCell] = "DSC.PARTY-CELL",
        [DecidingBody.StateAgency] = "DSC.STATE-AGENCY",
    };

    private static readonly IReadOnlyDictionary<PostKind, string> PostCodes = new Dictionary<PostKind, string>
    {
        [PostKind.LeadingManagerial] = "PER.LEADING",
        [PostKind.CommuneViceChairman] = "PER.VICE-CHAIRMEN",
        [PostKind.LandConstruction] = "PER.LAND-CONSTRUCTION",
        [PostKind.SchoolManager] = "PER.SCHOOL-MANAGERS",
        [PostKind.Other] = "PER.OTHER-POSTS",
    };

    private static readonly string[] Codes =
    [
        "DIS.EVENTS", "DIS.PARTICIPATION", "DIS.UNITS-COMPLETED", "DIS.MEMBERS-REACHED",
        "INS.TEAMS", "INS.UNITS-INSPECTED", "INS.MEMBERS-INSPECTED", "INS.ORGANISATIONS-SUPERVISED", "INS.MEMBERS-SUPERVISED",
        "DSC.TOTAL", "DSC.WITH-MANIFESTATIONS", .. BodyCodes.Values.SelectMany(body => new[] { body + "-ORGANISATIONS", body + "-MEMBERS" }),
        "PER.MOVES", "PER.UNDER-DIRECTIVE", .. PostCodes.Values,
        "FUP.TASKS-DONE", "FUP.TASKS-OVERDUE",
    ];

    /// <summary>The figures for the unit carrying <paramref name="unitCode"/> in the period; null when it does not exist then for the caller.</summary>
    public async Task<AccountabilityFigures?> ForAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (await engine.ForUnitAsync(unitCode, from, to, IndicatorStructure.AsOf, engine.Catalog.Require(Codes), cancellationToken) is not { } values)
        {
            return null;
        }

        int Count(string code) => (int)values.Of(code).Numerator;
        Ratio Rate(string code) => Ratio.Of(values.Of(code));
        var tasks = Rate("FUP.TASKS-DONE");
        return new AccountabilityFigures(
            values.Unit,
            from,
            to,
            new DisseminationFigures(Count("DIS.EVENTS"), Rate("DIS.PARTICIPATION"), Rate("DIS.UNITS-COMPLETED"), Count("DIS.MEMBERS-REACHED")),
            new InspectionFigures(
                Count("INS.TEAMS"), Count("INS.UNITS-INSPECTED"), Count("INS.MEMBERS-INSPECTED"), Count("INS.ORGANISATIONS-SUPERVISED"), Count("INS.MEMBERS-SUPERVISED")),
            new DisciplineFigures(
                BodyCodes.ToDictionary(b => b.Key, b => new DisciplineCounts(Count(b.Value + "-ORGANISATIONS"), Count(b.Value + "-MEMBERS"))),
                Count("DSC.WITH-MANIFESTATIONS"),
                Count("DSC.TOTAL")),
            new PersonnelFigures(Count("PER.MOVES"), Count("PER.UNDER-DIRECTIVE"), PostCodes.ToDictionary(p => p.Key, p => Count(p.Value))),
            new FollowUpFigures(values.Period.AsOf, tasks.Denominator - tasks.Numerator, tasks.Numerator, Count("FUP.TASKS-OVERDUE")));
    }
}
