using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;
using Oversight.Tests.Web;
using Oversight.Text;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Indicators;

/// <summary>
/// The communes of the Chương Mỹ fragment ranked on denunciations, over the citizen season of
/// <see cref="CitizenSummaryTests"/> and a few more: Tốt Động received 2, Phụng Châu and Hợp Đồng 1 each, Lam Điền
/// none. Tốt Động's officer sees where the commune stands, not the other communes' counts; the API and the
/// dashboard alike.
/// </summary>
public sealed class RankingConfidentialityTests
{
    private const string Period = "from=2023-08-01&to=2024-05-31";

    private static readonly DateOnly To = new(2024, 5, 31);

    private static readonly CultureInfo Vietnamese = new("vi-VN");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_communes_officer_sees_its_own_denunciations_and_rank_and_no_other_communes_count_which_the_districts_leader_sees(DatabaseProvider provider)
    {
        await using var database = await DenunciationsAsync(provider);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", To);
        var leader = await web.CreateApiClientAsync("leader.chuongmy", Roles.Leader, "277", To);

        var seen = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/units/10060/rankings?indicator=CIT.DENUNCIATIONS&{Period}", Cancel);
        var all = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/units/10060/rankings?indicator=CIT.DENUNCIATIONS&{Period}", Cancel);

        Assert.Equal(("scope", 4), (seen.GetProperty("peerVisibility").GetString(), seen.GetProperty("rank").GetInt32()));
        Assert.Equal<(string, double?, int?, bool)>(
            [("10063", null, 1, true), ("10021", null, 2, true), ("10072", null, 2, true), ("10060", 2, 4, false)],
            Peers(seen).Select(p => (p.Code, p.Value, p.Rank, p.Withheld)));
        Assert.All(Peers(seen).Where(p => p.Withheld), p => Assert.Equal<(long?, double?)>((null, null), (p.Numerator, p.PreviousValue)));
        Assert.Equal<(string, double?, int?, bool)>(
            [("10063", 0, 1, false), ("10021", 1, 2, false), ("10072", 1, 2, false), ("10060", 2, 4, false)],
            Peers(all).Select(p => (p.Code, p.Value, p.Rank, p.Withheld)));
        Assert.Equal(Peers(all).Single(p => p.Code == "10060"), Peers(seen).Single(p => p.Code == "10060"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_public_indicator_shows_every_communes_value_to_a_communes_officer(DatabaseProvider provider)
    {
        await using var database = await DenunciationsAsync(provider);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", To);

        var ranking = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/units/10060/rankings?indicator=CIT.DIALOGUES&{Period}", Cancel);

        Assert.Equal("public", ranking.GetProperty("peerVisibility").GetString());
        Assert.Equal<(string, double?, int?, bool)>(
            [("10021", 1, 1, false), ("10060", 1, 1, false), ("10063", 0, 3, false), ("10072", 0, 3, false)],
            Peers(ranking).Select(p => (p.Code, p.Value, p.Rank, p.Withheld)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_dashboards_ranking_shows_what_the_api_shows_with_a_note_where_values_are_withheld(DatabaseProvider provider)
    {
        await using var database = await DenunciationsAsync(provider);
        await using var web = new OversightWebFactory(database);
        var officerApi = await web.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", To);
        var leaderApi = await web.CreateApiClientAsync("leader.chuongmy", Roles.Leader, "277", To);
        var officer = await PageSession.SignInAsync(web, "officer.totdong");
        var leader = await PageSession.SignInAsync(web, "leader.chuongmy");

        foreach (var (api, page) in new[] { (officerApi, officer), (leaderApi, leader) })
        {
            var ranking = await api.GetFromJsonAsync<JsonElement>($"/api/v1/units/10060/rankings?indicator=CIT.DENUNCIATIONS&{Period}", Cancel);
            var (_, dashboard) = await page.GetAsync($"/indicators?unit=10060&{Period}&indicator=CIT.DENUNCIATIONS");

            Assert.Equal(
                Peers(ranking).Select(p => ($"{(p.Code == "10060" ? "▶ " : "")}{p.Rank}. {p.Name}", p.Value is { } value ? Formats.Number((long)value, Vietnamese) : "—")),
                Bars(dashboard));
            Assert.Equal(Peers(ranking).Any(p => p.Withheld), dashboard.QuerySelector("#ranking .withheld") is not null);
        }

        var (_, vietnamese) = await officer.GetAsync($"/indicators?unit=10060&{Period}&indicator=CIT.DENUNCIATIONS");
        var (_, english) = await officer.GetAsync($"/indicators?unit=10060&{Period}&indicator=CIT.DENUNCIATIONS&culture=en-GB");
        Assert.Equal([("1. Xã Lam Điền", "—"), ("2. Xã Phụng Châu", "—"), ("2. Xã Hợp Đồng", "—"), ("▶ 4. Xã Tốt Động", "2")], Bars(vietnamese));
        Assert.StartsWith("Chỉ tiêu này được bảo mật theo phạm vi của từng đơn vị", PageText.Of(vietnamese.QuerySelector("#ranking .withheld")));
        Assert.StartsWith("This indicator is confidential to each unit's scope", PageText.Of(english.QuerySelector("#ranking .withheld")));
    }

    private sealed record Peer(string Code, string Name, long? Numerator, double? Value, int? Rank, double? PreviousValue, int? PreviousRank, bool Withheld);

    private static async Task<TestDatabase> DenunciationsAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await CitizenSummaryTests.AddSeasonAsync(database);
        var totDong = await UnitIdAsync(database, "10060", To);
        var hopDong = await UnitIdAsync(database, "10072", To);
        await AddAsync(database,
            Case(totDong, new(2024, 1, 15), kind: CaseKind.Denunciation, petitioner: null),
            Case(totDong, new(2024, 3, 20), kind: CaseKind.Denunciation, petitioner: null),
            Case(hopDong, new(2024, 2, 10), kind: CaseKind.Denunciation, petitioner: null));
        return database;
    }

    private static IReadOnlyList<Peer> Peers(JsonElement ranking) =>
        ranking.GetProperty("peers").EnumerateArray().Select(p => new Peer(
            p.GetProperty("code").GetString()!,
            p.GetProperty("name").GetString()!,
            p.GetProperty("numerator").ValueKind == JsonValueKind.Null ? null : p.GetProperty("numerator").GetInt64(),
            p.GetProperty("value").ValueKind == JsonValueKind.Null ? null : p.GetProperty("value").GetDouble(),
            p.GetProperty("rank").ValueKind == JsonValueKind.Null ? null : p.GetProperty("rank").GetInt32(),
            p.GetProperty("previousValue").ValueKind == JsonValueKind.Null ? null : p.GetProperty("previousValue").GetDouble(),
            p.GetProperty("previousRank").ValueKind == JsonValueKind.Null ? null : p.GetProperty("previousRank").GetInt32(),
            p.GetProperty("withheld").GetBoolean())).ToArray();

    /// <summary>The ranking chart's bars: each label and the value written beside it.</summary>
    private static IReadOnlyList<(string Label, string Value)> Bars(IDocument dashboard) =>
        dashboard.QuerySelectorAll("#ranking svg g").Select(bar => (
            PageText.Of(bar.QuerySelectorAll("text").First(t => !t.ClassList.Contains("value"))),
            PageText.Of(bar.QuerySelector("text.value")))).ToArray();
}
