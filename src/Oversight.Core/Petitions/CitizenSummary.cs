using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>A count out of a count. Figures roll up by summing numerators and denominators, never by averaging rates.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    /// <summary>A percentage indicator's numerator and denominator.</summary>
    public static Ratio Of(IndicatorValue value) => new((int)value.Numerator, (int)(value.Denominator ?? 0));

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
/// Citizen reception and petition figures per unit subtree and period: cases by kind and status, jurisdiction and
/// on-time ratios, receptions by host role, dialogue meetings by level; each an indicator of the definitions (the
/// headline ones and their breakdowns), computed by the <see cref="IndicatorEngine"/>.
/// </summary>
/// <remarks>
/// The subtree is the unit's as it stood on the first and on the last day of the period (their union), so a
/// period across a reorganisation keeps the units that left or joined.
/// </remarks>
public sealed class CitizenSummary(IndicatorEngine engine)
{
    private static readonly IReadOnlyDictionary<CaseKind, string> KindCodes = new Dictionary<CaseKind, string>
    {
        [CaseKind.Complaint] = "CIT.FIRST-COMPLAINTS",
        [CaseKind.SecondComplaint] = "CIT.SECOND-COMPLAINTS",
        [CaseKind.Denunciation] = "CIT.DENUNCIATIONS",
        [CaseKind.Petition] = "CIT.PETITIONS",
    };

    private static readonly IReadOnlyDictionary<HostRole, string> HostCodes = new Dictionary<HostRole, string>
    {
        [HostRole.PartySecretary] = "CIT.SECRETARY",
        [HostRole.CommitteeChairman] = "CIT.CHAIRMAN",
        [HostRole.OtherLeader] = "CIT.OTHER-LEADERS",
        [HostRole.Officer] = "CIT.OFFICERS",
    };

    private static readonly string[] Codes =
    [
        "CIT.CASES", "CIT.RESOLVED-WITHIN-JURISDICTION", "CIT.ON-TIME",
        .. KindCodes.Values,
        .. Enum.GetValues<CaseStatus>().Select(StatusCode),
        .. HostCodes.Values.SelectMany(host => new[] { "DAYS", "VISITS", "PEOPLE", "CASES", "RESOLVED", "UNDER-CONSIDERATION" }.Select(figure => $"{host}-{figure}")),
        .. Enum.GetValues<DialogueLevel>().Select(DialogueCode),
    ];

    /// <summary>The figures for the unit carrying <paramref name="unitCode"/> in the period; null when it does not exist then for the caller.</summary>
    public async Task<CitizenSummaryFigures?> ForAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        if (await engine.ForUnitAsync(unitCode, from, to, IndicatorStructure.AsOf, engine.Catalog.Require(Codes), cancellationToken) is not { } values)
        {
            return null;
        }

        int Count(string code) => (int)values.Of(code).Numerator;
        Ratio Rate(string code) => Ratio.Of(values.Of(code));
        var byRole = HostCodes.ToDictionary(h => h.Key, h => new ReceptionFigures(
            Count($"{h.Value}-DAYS"),
            Count($"{h.Value}-VISITS"),
            Count($"{h.Value}-PEOPLE"),
            Count($"{h.Value}-CASES"),
            Rate($"{h.Value}-RESOLVED").Denominator,
            Count($"{h.Value}-RESOLVED"),
            Count($"{h.Value}-UNDER-CONSIDERATION")));
        return new CitizenSummaryFigures(
            values.Unit,
            from,
            to,
            Count("CIT.CASES"),
            KindCodes.ToDictionary(k => k.Key, k => Count(k.Value)),
            Enum.GetValues<CaseStatus>().ToDictionary(status => status, status => Count(StatusCode(status))),
            Rate("CIT.RESOLVED-WITHIN-JURISDICTION"),
            Rate("CIT.ON-TIME"),
            byRole,
            byRole[HostRole.PartySecretary],
            byRole[HostRole.CommitteeChairman].Plus(byRole[HostRole.OtherLeader]),
            Enum.GetValues<DialogueLevel>().ToDictionary(level => level, level => Count(DialogueCode(level))));
    }

    private static string StatusCode(CaseStatus status) => "CIT.STATUS-" + WireNames<CaseStatus>.ToWire(status).ToUpperInvariant();

    private static string DialogueCode(DialogueLevel level) => "CIT.DIALOGUES-" + WireNames<DialogueLevel>.ToWire(level).ToUpperInvariant();
}
