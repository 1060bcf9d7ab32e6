using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Petitions;

public sealed class CitizenSummaryTests
{
    private static readonly DateOnly From = new(2023, 8, 1);
    private static readonly DateOnly To = new(2024, 5, 31);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// Chương Mỹ, Aug 2023 – May 2024: the district secretary on two days (three sessions), leaders in two
    /// communes, a case resolved only after the period, one resolved late, dialogue meetings at both levels;
    /// records outside the period or the district around them.
    /// </summary>
    internal static async Task AddSeasonAsync(TestDatabase database)
    {
        var district = await UnitIdAsync(database, "277", To);
        var totDong = await UnitIdAsync(database, "10060", To);
        var phungChau = await UnitIdAsync(database, "10021", To);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        var secretaryMorning = Session(district, new(2023, 9, 5), HostRole.PartySecretary, "Bí thư Huyện ủy", 2, 3);
        var secretaryAfternoon = Session(district, new(2023, 9, 5), HostRole.PartySecretary, "Bí thư Huyện ủy", 1, 1);
        var secretaryOctober = Session(district, new(2023, 10, 10), HostRole.PartySecretary, "Bí thư Huyện ủy", 2, 2);
        var chairman = Session(totDong, new(2024, 1, 10), HostRole.CommitteeChairman, "Chủ tịch UBND xã", 4, 5);
        var viceChairman = Session(phungChau, new(2024, 2, 20), HostRole.OtherLeader, "Phó Chủ tịch UBND xã", 3, 3);
        var officer = Session(phungChau, new(2024, 2, 21), HostRole.Officer, "Cán bộ tiếp dân", 7, 7);
        var afterPeriod = Session(district, new(2024, 6, 5), HostRole.PartySecretary, "Bí thư Huyện ủy", 9, 9);
        await AddAsync(database, secretaryMorning, secretaryAfternoon, secretaryOctober, chairman, viceChairman, officer, afterPeriod,
            Case(district, new(2023, 9, 5), CaseStatus.Resolved, CaseKind.Complaint, withinJurisdiction: true, acceptedOn: new(2023, 9, 10), dueOn: new(2023, 10, 10), closedOn: new(2023, 10, 1), sessionId: secretaryMorning.Id),
            Case(district, new(2023, 9, 5), CaseStatus.Resolved, CaseKind.Petition, withinJurisdiction: true, acceptedOn: new(2023, 9, 10), dueOn: new(2024, 8, 1), closedOn: new(2024, 7, 1), sessionId: secretaryAfternoon.Id),
            Case(district, new(2023, 10, 10), CaseStatus.Forwarded, CaseKind.Petition, withinJurisdiction: false, closedOn: new(2023, 10, 15), sessionId: secretaryOctober.Id),
            Case(totDong, new(2024, 1, 10), CaseStatus.Resolved, CaseKind.Complaint, withinJurisdiction: true, acceptedOn: new(2024, 1, 12), dueOn: new(2024, 1, 31), closedOn: new(2024, 2, 1), sessionId: chairman.Id),
            Case(phungChau, new(2024, 2, 20), CaseStatus.UnderConsideration, CaseKind.Petition, withinJurisdiction: true, acceptedOn: new(2024, 2, 25), dueOn: new(2024, 3, 25), sessionId: viceChairman.Id),
            Case(phungChau, new(2024, 4, 1), CaseStatus.Received, CaseKind.Denunciation, petitioner: null),
            Case(phungChau, new(2024, 6, 10), CaseStatus.Received, CaseKind.Petition),
            Case(quangBi, new(2025, 8, 1), CaseStatus.Received, CaseKind.Petition),
            Meeting(district, new(2023, 12, 1), DialogueLevel.District),
            Meeting(totDong, new(2024, 3, 1), DialogueLevel.Commune),
            Meeting(phungChau, new(2024, 5, 31), DialogueLevel.Commune),
            Meeting(phungChau, new(2024, 6, 1), DialogueLevel.Commune));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_figures_count_the_subtree_in_the_period_with_statuses_as_of_its_last_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddSeasonAsync(database);
        await using var scope = database.SystemScope();

        var figures = (await scope.ServiceProvider.GetRequiredService<CitizenSummary>().ForAsync("277", From, To, Cancel))!;

        Assert.Equal("Huyện Chương Mỹ", figures.Unit.Name);
        Assert.Equal(6, figures.Cases);
        Assert.Equal((2, 0, 1, 3), (figures.ByKind[CaseKind.Complaint], figures.ByKind[CaseKind.SecondComplaint], figures.ByKind[CaseKind.Denunciation], figures.ByKind[CaseKind.Petition]));
        Assert.Equal(
            [(CaseStatus.Received, 1), (CaseStatus.Accepted, 0), (CaseStatus.UnderConsideration, 2), (CaseStatus.Resolved, 2), (CaseStatus.Withdrawn, 0), (CaseStatus.Forwarded, 1), (CaseStatus.Rejected, 0)],
            figures.ByStatus.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        Assert.Equal(new Ratio(2, 4), figures.WithinJurisdiction);
        Assert.Equal(0.5, figures.WithinJurisdiction.Rate);
        Assert.Equal(new Ratio(1, 2), figures.OnTime);
        Assert.Equal(new ReceptionFigures(Days: 2, Visits: 5, People: 6, Cases: 3, WithinJurisdiction: 2, Resolved: 1, UnderConsideration: 1), figures.ReceptionsBySecretary);
        Assert.Equal(new ReceptionFigures(Days: 2, Visits: 7, People: 8, Cases: 2, WithinJurisdiction: 2, Resolved: 1, UnderConsideration: 1), figures.ReceptionsByLeaders);
        Assert.Equal(new ReceptionFigures(Days: 1, Visits: 7, People: 7, Cases: 0, WithinJurisdiction: 0, Resolved: 0, UnderConsideration: 0), figures.ReceptionsByRole[HostRole.Officer]);
        Assert.Equal((0, 1, 2), (figures.DialogueMeetings[DialogueLevel.Province], figures.DialogueMeetings[DialogueLevel.District], figures.DialogueMeetings[DialogueLevel.Commune]));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_later_period_end_counts_the_late_resolution_and_a_commune_counts_only_its_own(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddSeasonAsync(database);
        await using var scope = database.SystemScope();
        var summary = scope.ServiceProvider.GetRequiredService<CitizenSummary>();

        var longer = (await summary.ForAsync("277", From, new(2024, 7, 31), Cancel))!;
        var commune = (await summary.ForAsync("10021", From, To, Cancel))!;
        var empty = (await summary.ForAsync("10063", From, To, Cancel))!;

        Assert.Equal(new ReceptionFigures(3, 14, 15, 3, 2, 2, 0), longer.ReceptionsBySecretary);
        Assert.Equal(new Ratio(2, 3), longer.OnTime);
        Assert.Equal(2, commune.Cases);
        Assert.Equal(new ReceptionFigures(1, 3, 3, 1, 1, 0, 1), commune.ReceptionsByLeaders);
        Assert.Equal(ReceptionFigures.None, commune.ReceptionsBySecretary);
        Assert.Equal(1, commune.DialogueMeetings.Values.Sum());
        Assert.Equal(new Ratio(0, 0), empty.OnTime);
        Assert.Null(empty.OnTime.Rate);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_outside_the_callers_scope_has_no_summary(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AddSeasonAsync(database);
        await using var officer = database.UserScope("officer.totdong", Roles.Officer, await UnitIdAsync(database, "10060", To));
        var summary = officer.ServiceProvider.GetRequiredService<CitizenSummary>();

        Assert.Null(await summary.ForAsync("277", From, To, Cancel));
        Assert.Null(await summary.ForAsync("10021", From, To, Cancel));
        Assert.Equal(1, (await summary.ForAsync("10060", From, To, Cancel))!.Cases);
    }
}
