using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Indicators;

/// <summary>Indicator values over the Chương Mỹ fragment and the citizen season of <see cref="CitizenSummaryTests"/>.</summary>
public sealed class IndicatorEngineTests
{
    private static readonly DateOnly From = new(2023, 8, 1);
    private static readonly DateOnly To = new(2024, 5, 31);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, string> DistrictAndCommune => new()
    {
        { DatabaseProvider.Sqlite, "277" },
        { DatabaseProvider.Sqlite, "10060" },
        { DatabaseProvider.PostgreSQL, "277" },
        { DatabaseProvider.PostgreSQL, "10060" },
    };

    [Theory, MemberData(nameof(DistrictAndCommune))]
    public async Task The_indicators_give_the_citizen_summarys_figures(DatabaseProvider provider, string unit)
    {
        await using var database = await SeasonAsync(provider);
        await using var scope = database.SystemScope();

        var summary = (await scope.ServiceProvider.GetRequiredService<CitizenSummary>().ForAsync(unit, From, To, Cancel))!;
        var values = await ValuesAsync(scope, unit, From, To);

        var secretary = summary.ReceptionsBySecretary;
        Assert.Equal(
            (secretary.Days, secretary.Visits, secretary.People, secretary.Cases, secretary.Resolved, secretary.WithinJurisdiction),
            ((int)values["CIT.SECRETARY-DAYS"].Numerator, (int)values["CIT.SECRETARY-VISITS"].Numerator, (int)values["CIT.SECRETARY-PEOPLE"].Numerator,
                (int)values["CIT.SECRETARY-CASES"].Numerator, (int)values["CIT.SECRETARY-RESOLVED"].Numerator, (int)values["CIT.SECRETARY-RESOLVED"].Denominator!));
        if (unit == "277")
        {
            Assert.Equal((2L, 2L, 1L), (values["CIT.SECRETARY-DAYS"].Numerator, values["CIT.SECRETARY-RESOLVED"].Denominator, values["CIT.SECRETARY-RESOLVED"].Numerator));
        }

        Assert.Equal((summary.WithinJurisdiction.Numerator, summary.WithinJurisdiction.Denominator), ((int)values["CIT.RESOLVED-WITHIN-JURISDICTION"].Numerator, (int)values["CIT.RESOLVED-WITHIN-JURISDICTION"].Denominator!));
        Assert.Equal((summary.OnTime.Numerator, summary.OnTime.Denominator), ((int)values["CIT.ON-TIME"].Numerator, (int)values["CIT.ON-TIME"].Denominator!));
        Assert.Equal(summary.Cases, (int)values["CIT.CASES"].Numerator);
        Assert.Equal(summary.DialogueMeetings.Values.Sum(), (int)values["CIT.DIALOGUES"].Numerator);
        Assert.Equal(
            summary.ReceptionsByLeaders.WithinJurisdiction - summary.ReceptionsByLeaders.Resolved,
            (int)values["CIT.LEADERS-UNDER-CONSIDERATION"].Numerator);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_sums_the_numerators_and_denominators_of_its_communes_never_their_rates(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", To);
        var phungChau = await UnitIdAsync(database, "10021", To);
        CitizenCase Resolved(Guid unit) => Case(unit, new(2024, 1, 5), CaseStatus.Resolved, withinJurisdiction: true, acceptedOn: new(2024, 1, 8), dueOn: new(2024, 2, 8), closedOn: new(2024, 2, 1));
        CitizenCase Open(Guid unit) => Case(unit, new(2024, 1, 5), CaseStatus.UnderConsideration, withinJurisdiction: true, acceptedOn: new(2024, 1, 8), dueOn: new(2024, 2, 8));
        await AddAsync(database, Resolved(totDong), Resolved(phungChau), Open(phungChau), Open(phungChau), Meeting(totDong, new(2024, 3, 1), DialogueLevel.Commune));
        await using var scope = database.SystemScope();

        var district = await ValuesAsync(scope, "277", From, To);
        var communes = new List<IReadOnlyDictionary<string, IndicatorValue>>();
        foreach (var code in new[] { "10060", "10072", "10063", "10021" })
        {
            communes.Add(await ValuesAsync(scope, code, From, To));
        }

        foreach (var code in district.Keys)
        {
            Assert.Equal(district[code].Numerator, communes.Sum(c => c[code].Numerator));
            Assert.Equal(district[code].Denominator, district[code].Denominator is null ? null : communes.Sum(c => c[code].Denominator));
        }

        // Tốt Động resolved 1 of 1 (100%), Phụng Châu 1 of 3 (33.3%): the district resolved 2 of 4, 50%, not their average.
        Assert.Equal((100.0, 1L, 3L), (communes[0]["CIT.RESOLVED-WITHIN-JURISDICTION"].Value!.Value, communes[3]["CIT.RESOLVED-WITHIN-JURISDICTION"].Numerator, communes[3]["CIT.RESOLVED-WITHIN-JURISDICTION"].Denominator!.Value));
        Assert.Equal((2L, 4L, 50.0), (district["CIT.RESOLVED-WITHIN-JURISDICTION"].Numerator, district["CIT.RESOLVED-WITHIN-JURISDICTION"].Denominator!.Value, district["CIT.RESOLVED-WITHIN-JURISDICTION"].Value!.Value));
        Assert.Null(communes[1]["CIT.RESOLVED-WITHIN-JURISDICTION"].Value);
        Assert.Equal(1L, district["CIT.DIALOGUES"].Numerator);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_record_shows_in_the_next_figures_without_any_rebuild(DatabaseProvider provider)
    {
        await using var database = await SeasonAsync(provider);
        var totDong = await UnitIdAsync(database, "10060", To);
        await using (var scope = database.SystemScope())
        {
            Assert.Equal(1, (await ValuesAsync(scope, "10060", From, To))["CIT.DIALOGUES"].Numerator);
        }

        await AddAsync(database, Meeting(totDong, new(2024, 4, 2), DialogueLevel.Commune));

        await using (var scope = database.SystemScope())
        {
            Assert.Equal(2, (await ValuesAsync(scope, "10060", From, To))["CIT.DIALOGUES"].Numerator);
            Assert.Equal(4, (await ValuesAsync(scope, "277", From, To))["CIT.DIALOGUES"].Numerator);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Todays_structure_maps_past_records_through_lineage_and_keeps_a_partly_split_unit_apart(DatabaseProvider provider)
    {
        await using var database = await SeasonAsync(provider);
        var lamDien = await UnitIdAsync(database, "10063", To);
        var hopDong = await UnitIdAsync(database, "10072", To);
        await AddAsync(database,
            Case(lamDien, new(2024, 3, 1), kind: CaseKind.Complaint),
            Case(lamDien, new(2024, 3, 2), kind: CaseKind.Complaint),
            Case(hopDong, new(2024, 3, 3), kind: CaseKind.Complaint));
        await using var scope = database.SystemScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();
        IndicatorDefinition[] complaints = [engine.Catalog.Find("CIT.COMPLAINTS")!];

        var quangBi = (await engine.ForUnitAsync("10072", From, new(2025, 12, 31), IndicatorStructure.Today, complaints, Cancel))!;
        var binhMinh = (await engine.ForUnitAsync("10126", From, new(2025, 12, 31), IndicatorStructure.Today, complaints, Cancel))!;
        var asOf = (await engine.ForUnitAsync("10072", From, To, IndicatorStructure.AsOf, complaints, Cancel))!;
        var gone = await engine.ForUnitAsync("277", From, To, IndicatorStructure.Today, complaints, Cancel);

        // Today's Quảng Bị: Tốt Động's complaint of the season and Hợp Đồng's, wholly; Lam Điền's two apart.
        Assert.Equal("Xã Quảng Bị", quangBi.Unit.Name);
        Assert.Equal(2, quangBi.Values[0].Numerator);
        var share = Assert.Single(quangBi.PartialShares);
        Assert.Equal(("Xã Lam Điền", 2L), (share.From.Name, share.Values[0].Numerator));
        Assert.Equal(0, binhMinh.Values[0].Numerator);
        Assert.Equal(("Xã Lam Điền", 2L), (Assert.Single(binhMinh.PartialShares).From.Name, binhMinh.PartialShares[0].Values[0].Numerator));
        // As of the period, 10072 is Xã Hợp Đồng alone.
        Assert.Equal(("Xã Hợp Đồng", 1L), (asOf.Unit.Name, asOf.Values[0].Numerator));
        Assert.Empty(asOf.PartialShares);
        Assert.Null(gone);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Peers_with_equal_values_share_a_rank_and_the_previous_period_is_ranked_too(DatabaseProvider provider)
    {
        await using var database = await SeasonAsync(provider);
        await using var scope = database.SystemScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();

        var ranking = Assert.Single((await engine.RankAsync("10063", From, To, [engine.Catalog.Find("CIT.DIALOGUES")!], Cancel))!);

        Assert.Equal(
            [("10021", 1L, 1), ("10060", 1L, 1), ("10063", 0L, 3), ("10072", 0L, 3)],
            ranking.Peers.Select(p => (p.Unit.Code, p.Current!.Numerator, p.Rank!.Value)));
        Assert.Equal((new DateOnly(2022, 9, 30), new DateOnly(2023, 7, 31)), (ranking.PreviousPeriod.From, ranking.PreviousPeriod.To));
        Assert.All(ranking.Peers, p => Assert.Equal((0L, 1), (p.Previous!.Numerator, p.PreviousRank!.Value)));
        Assert.Equal(0, ranking.Percentile);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_peers_values_show_as_the_indicators_peer_visibility_the_callers_role_and_scope_allow_and_its_rank_always(DatabaseProvider provider)
    {
        await using var database = await SeasonAsync(provider);
        var lamDien = await UnitIdAsync(database, "10063", To);
        var district = await UnitIdAsync(database, "277", To);
        var denunciations = IndicatorCatalog.Shipped.Find("CIT.DENUNCIATIONS")!;
        var dialogues = IndicatorCatalog.Shipped.Find("CIT.DIALOGUES")!;
        var dialoguesForLeaders = dialogues with { PeerVisibility = PeerVisibility.Peers };
        await using var system = database.SystemScope();
        var everything = Assert.Single((await system.ServiceProvider.GetRequiredService<IndicatorEngine>().RankAsync("10063", From, To, [denunciations], Cancel))!);

        async Task<(string[] Shown, Ranking Ranking)> RankAsync(string role, Guid unit, IndicatorDefinition indicator)
        {
            await using var scope = database.UserScope($"{role}.{unit}", role, unit);
            var ranking = Assert.Single((await scope.ServiceProvider.GetRequiredService<IndicatorEngine>().RankAsync("10063", From, To, [indicator], Cancel))!);
            Assert.All(ranking.Peers.Where(p => p.Withheld), p => Assert.Null(p.Previous));
            return (ranking.Peers.Where(p => !p.Withheld).Select(p => p.Unit.Code).Order(StringComparer.Ordinal).ToArray(), ranking);
        }

        string[] all = ["10021", "10060", "10063", "10072"];
        var officer = await RankAsync(Roles.Officer, lamDien, denunciations);
        Assert.Equal(["10063"], officer.Shown);
        Assert.Equal(["10063"], (await RankAsync(Roles.Leader, lamDien, denunciations)).Shown);
        Assert.Equal(all, (await RankAsync(Roles.Leader, district, denunciations)).Shown);
        Assert.Equal(["10063"], (await RankAsync(Roles.Officer, lamDien, dialoguesForLeaders)).Shown);
        Assert.Equal(all, (await RankAsync(Roles.Leader, lamDien, dialoguesForLeaders)).Shown);
        Assert.Equal(all, (await RankAsync(Roles.Inspector, lamDien, dialoguesForLeaders)).Shown);
        Assert.Equal(all, (await RankAsync(Roles.Officer, lamDien, dialogues)).Shown);

        // Phụng Châu's denunciation ranks it last for everyone; the officer of Lam Điền sees the ranks, not the count.
        Assert.Equal(everything.Peers.Select(p => (p.Unit.Code, p.Rank, p.PreviousRank)), officer.Ranking.Peers.Select(p => (p.Unit.Code, p.Rank, p.PreviousRank)));
        Assert.Equal(("10021", 4, 1L), (everything.Peers[^1].Unit.Code, everything.Peers[^1].Rank, everything.Peers[^1].Current!.Numerator));
        Assert.Equal((0L, 1), (officer.Ranking.Own.Current!.Numerator, officer.Ranking.Own.Rank));
        Assert.Equal((everything.Percentile, everything.TellsPeersApart), (officer.Ranking.Percentile, officer.Ranking.TellsPeersApart));
    }

    private static async Task<TestDatabase> SeasonAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await CitizenSummaryTests.AddSeasonAsync(database);
        return database;
    }

    private static async Task<IReadOnlyDictionary<string, IndicatorValue>> ValuesAsync(AsyncServiceScope scope, string code, DateOnly from, DateOnly to)
    {
        var values = await scope.ServiceProvider.GetRequiredService<IndicatorEngine>().ForUnitAsync(code, from, to, IndicatorStructure.AsOf, cancellationToken: Cancel);
        return values!.Values.ToDictionary(v => v.Definition.Code);
    }
}
