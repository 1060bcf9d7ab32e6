using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Tests.Accountability;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Indicators;

/// <summary>The shipped indicators, computed from the demo's records, give the figures of the inspection report (see <see cref="LoadedDemo"/>).</summary>
public sealed class DemoIndicatorsTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_indicators_of_Chuong_My_give_the_figures_of_the_report(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var web = new OversightWebFactory(database);
        var inspector = await web.CreateApiClientAsync("inspector.indicators", Roles.Inspector, "01", new DateOnly(2024, 7, 19));

        var inspection = Values(await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/indicators?from=2023-08-01&to=2024-07-19", Cancel));
        var reception = Values(await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/indicators?from=2023-08-01&to=2024-05-31", Cancel));
        var dialogues = Values(await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/277/indicators?from=2023-01-01&to=2024-06-30&indicator=CIT.DIALOGUES&indicator=CIT.DIALOGUES-DISTRICT&indicator=CIT.DIALOGUES-COMMUNE", Cancel));

        Assert.Equal((1240L, 1250L), (inspection["DIS.PARTICIPATION"].Numerator, inspection["DIS.PARTICIPATION"].Denominator));
        Assert.Equal(99.2, Math.Round(inspection["DIS.PARTICIPATION"].Value!.Value, 1));
        Assert.Equal((40L, 40L), (inspection["DIS.UNITS-COMPLETED"].Numerator, inspection["DIS.UNITS-COMPLETED"].Denominator));
        Assert.Equal(11_318, inspection["DIS.MEMBERS-REACHED"].Numerator);
        Assert.Equal((2L, 10L, 1L, 2L), (inspection["INS.TEAMS"].Numerator, inspection["INS.UNITS-INSPECTED"].Numerator, inspection["INS.ORGANISATIONS-SUPERVISED"].Numerator, inspection["INS.MEMBERS-SUPERVISED"].Numerator));
        Assert.Equal((3L, 4L, 29L, 36L), (inspection["DSC.STANDING-ORGANISATIONS"].Numerator, inspection["DSC.STANDING-MEMBERS"].Numerator, inspection["DSC.INSPECTION-COMMITTEE-MEMBERS"].Numerator, inspection["DSC.TOTAL"].Numerator));
        Assert.Equal((25L, 36L), (inspection["DSC.WITH-MANIFESTATIONS"].Numerator, inspection["DSC.WITH-MANIFESTATIONS"].Denominator));
        Assert.Equal((51L, 21L, 5L, 16L, 21L), (inspection["PER.LEADING"].Numerator, inspection["PER.UNDER-DIRECTIVE"].Numerator, inspection["PER.LAND-CONSTRUCTION"].Numerator, inspection["PER.VICE-CHAIRMEN"].Numerator, inspection["PER.SCHOOL-MANAGERS"].Numerator));
        Assert.Equal((0L, 5L), (inspection["FUP.TASKS-DONE"].Numerator, inspection["FUP.TASKS-DONE"].Denominator));

        Assert.Equal((10L, 30L, 33L, 34L), (reception["CIT.SECRETARY-DAYS"].Numerator, reception["CIT.SECRETARY-VISITS"].Numerator, reception["CIT.SECRETARY-PEOPLE"].Numerator, reception["CIT.SECRETARY-CASES"].Numerator));
        Assert.Equal((18L, 22L), (reception["CIT.SECRETARY-RESOLVED"].Numerator, reception["CIT.SECRETARY-RESOLVED"].Denominator));
        Assert.Equal(81.8, Math.Round(reception["CIT.SECRETARY-RESOLVED"].Value!.Value, 1));
        Assert.Equal(508, reception["CIT.LEADERS-PEOPLE"].Numerator);
        Assert.Equal((108L, 144L, 36L), (reception["CIT.LEADERS-RESOLVED"].Numerator, reception["CIT.LEADERS-RESOLVED"].Denominator, reception["CIT.LEADERS-UNDER-CONSIDERATION"].Numerator));
        Assert.Equal(75.0, reception["CIT.LEADERS-RESOLVED"].Value);

        Assert.Equal(["CIT.DIALOGUES", "CIT.DIALOGUES-DISTRICT", "CIT.DIALOGUES-COMMUNE"], dialogues.Keys);
        Assert.Equal((45L, 5L, 40L), (dialogues["CIT.DIALOGUES"].Numerator, dialogues["CIT.DIALOGUES-DISTRICT"].Numerator, dialogues["CIT.DIALOGUES-COMMUNE"].Numerator));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ha_Nois_figures_from_its_rolled_up_facts_equal_the_sum_of_its_units_read_one_by_one(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var facts = scope.ServiceProvider.GetRequiredService<IndicatorFacts>();
        var graph = await scope.ServiceProvider.GetRequiredService<UnitGraphCache>().GetAsync(db, Cancel);
        var period = IndicatorPeriod.Of(new DateOnly(2023, 8, 1), new DateOnly(2024, 7, 19), VietnamTime.Today(database.Time));
        var hanoi = graph.Find("01", period.To)!;
        var subtree = new[] { period.From, period.To }.SelectMany(day => graph.Subtree(hanoi.Id, day)).Select(u => u.Id).Distinct().ToList();
        var together = subtree.ToDictionary(id => id, _ => 0);
        var apart = subtree.Select((id, i) => (id, i)).ToDictionary(u => u.id, u => u.i);

        var (keys, left) = FactRollups.Of(graph).Cover(together);
        var whole = await facts.TotalsAsync(db, graph, RecordSets.ByName.Values, period, together, Cancel);
        var summed = await facts.TotalsAsync(db, graph, RecordSets.ByName.Values, period, apart, Cancel);

        Assert.NotEmpty(keys);
        Assert.True(left.Count < subtree.Count / 10, $"{left.Count} of {subtree.Count} units read one by one");
        var quantities = new FactLayout(IndicatorCatalog.Shipped).Quantities;
        Assert.All(quantities, q => Assert.Equal(facts.ValueOf(q.Quantity, summed), facts.ValueOf(q.Quantity, whole)));
        Assert.True(facts.ValueOf(quantities.First(q => q.Name == "DIS.PARTICIPATION denominator").Quantity, whole) >= 1250);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_communes_and_towns_of_Chuong_My_are_ranked_on_the_dialogues_they_held(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var web = new OversightWebFactory(database);
        var inspector = await web.CreateApiClientAsync("inspector.rankings", Roles.Inspector, "01", new DateOnly(2024, 7, 19));

        var ranking = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/units/10060/rankings?indicator=CIT.DIALOGUES&from=2023-01-01&to=2024-06-30", Cancel);

        var peers = ranking.GetProperty("peers").EnumerateArray().ToList();
        Assert.Equal(32, peers.Count);
        Assert.Contains(peers, p => p.GetProperty("code").GetString() == "10060");
        Assert.Contains(peers, p => p.GetProperty("code").GetString() == "10015");
        Assert.Equal(40, peers.Sum(p => p.GetProperty("value").GetDouble()));
        var ranks = peers.Select(p => p.GetProperty("rank").GetInt32()).ToList();
        Assert.Equal(1, ranks[0]);
        Assert.Equal(ranks.Order(), ranks);
        for (var i = 1; i < peers.Count; i++)
        {
            var (value, previous) = (peers[i].GetProperty("value").GetDouble(), peers[i - 1].GetProperty("value").GetDouble());
            Assert.True(value < previous ? ranks[i] == i + 1 : ranks[i] == ranks[i - 1], $"rank {ranks[i]} of {peers[i].GetProperty("code")} with {value} after {previous}");
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Unknown_indicators_periods_and_units_are_refused(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.indicators", Roles.Officer, "10084", new DateOnly(2024, 7, 19));

        var unknown = await officer.GetAsync("/api/v1/units/10084/indicators?from=2024-01-01&to=2024-06-30&indicator=NOPE", Cancel);
        var backwards = await officer.GetAsync("/api/v1/units/10084/indicators?from=2024-06-30&to=2024-01-01", Cancel);
        var outside = await officer.GetAsync("/api/v1/units/10021/indicators?from=2024-01-01&to=2024-06-30", Cancel);
        var ranking = await officer.GetAsync("/api/v1/units/10084/rankings?from=2024-01-01&to=2024-06-30", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("NOPE", await unknown.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ranking.StatusCode);
        Assert.Contains("indicator is required", await ranking.Content.ReadAsStringAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Reconciling_the_district_report_flags_the_81_1_percent_claim_and_validation_passes(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);

        var (exitCode, output, error) = await database.RunAsync("reconcile", "--unit", "277", "--from", "2023-08-01", "--to", "2024-07-19");
        var english = await database.RunAsync("reconcile", "--unit", "277", "--from", "2023-08-01", "--to", "2024-07-19", "--lang", "en");
        var validation = await database.RunAsync("validate", "--unit", "277", "--from", "2023-08-01", "--to", "2024-07-19");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(33, lines.Length);
        Assert.All(lines, line => Assert.Matches("^(consistent|rounding|inconsistent|unverifiable)\t", line));
        var flagged = Assert.Single(lines, line => line.StartsWith("inconsistent", StringComparison.Ordinal));
        Assert.StartsWith("inconsistent\tBC-277-2024-30\tCIT.SECRETARY-RESOLVED\t81,1%\t", flagged);
        Assert.Contains("18/22 = 81,8%, không phải 81,1%", flagged);
        Assert.DoesNotContain(lines, line => line.StartsWith("unverifiable", StringComparison.Ordinal));
        Assert.Contains("33 claim(s): 32 consistent, 0 rounding, 0 unverifiable, 1 inconsistent.", error);
        Assert.Contains("consistent\tBC-277-2024-13\tDSC.MEMBERS-WITH-MANIFESTATIONS\t22\t", output);
        Assert.Contains("consistent\tBC-277-2024-20\tPUB.ONLINE-DISTRICT\t63,3%\tHồ sơ cho 2.532/4.000 = 63,3%", output);
        Assert.Contains("consistent\tBC-277-2024-21\tPUB.ONLINE-COMMUNE\t49,58%\tHồ sơ cho 7.933/16.000 = 49,58%", output);
        Assert.Contains("consistent\tBC-277-2024-22\tPUB.STAFF-APP\t100%", output);
        Assert.Contains("The report's arithmetic is wrong: 18/22 = 81.8%, not 81.1%.", english.Output);
        Assert.True(validation.ExitCode == 0, validation.Output + validation.Error);
        Assert.All(validation.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("passed\t", line));
    }

    private static Dictionary<string, (long Numerator, long? Denominator, double? Value)> Values(JsonElement response) =>
        response.GetProperty("values").EnumerateArray().ToDictionary(
            v => v.GetProperty("code").GetString()!,
            v => (
                v.GetProperty("numerator").GetInt64(),
                v.GetProperty("denominator").ValueKind == JsonValueKind.Null ? (long?)null : v.GetProperty("denominator").GetInt64(),
                v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble()));
}
