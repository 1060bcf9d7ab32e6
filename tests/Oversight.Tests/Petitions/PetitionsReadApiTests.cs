using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Petitions;

public sealed class PetitionsReadApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_citizen_summary_answers_with_the_contract_names(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await CitizenSummaryTests.AddSeasonAsync(database);
        await using var web = new OversightWebFactory(database);
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", new DateOnly(2024, 7, 19));

        var summary = await leader.GetFromJsonAsync<JsonElement>("/api/v1/units/277/citizen-summary?from=2023-08-01&to=2024-05-31", Cancel);

        var secretary = summary.GetProperty("receptionsBySecretary");
        Assert.Equal((2, 5, 6, 3, 2, 1), (Int(secretary, "days"), Int(secretary, "visits"), Int(secretary, "people"), Int(secretary, "cases"), Int(secretary, "withinJurisdiction"), Int(secretary, "resolved")));
        var leaders = summary.GetProperty("receptionsByLeaders");
        Assert.Equal((8, 2, 1, 1), (Int(leaders, "people"), Int(leaders, "casesWithinJurisdiction"), Int(leaders, "resolved"), Int(leaders, "underConsideration")));
        var meetings = summary.GetProperty("dialogueMeetings");
        Assert.Equal((3, 1, 2), (Int(meetings, "total"), Int(meetings, "district"), Int(meetings, "commune")));
        Assert.Equal((4, 2, 0.5), (Int(summary.GetProperty("withinJurisdiction"), "total"), Int(summary.GetProperty("withinJurisdiction"), "resolved"), summary.GetProperty("withinJurisdiction").GetProperty("rate").GetDouble()));
        Assert.Equal((2, 1), (Int(summary.GetProperty("onTime"), "resolved"), Int(summary.GetProperty("onTime"), "onTime")));
        Assert.Equal(1, Int(summary.GetProperty("byKind"), "denunciation"));
        Assert.Equal(2, Int(summary.GetProperty("byStatus"), "under-consideration"));
        Assert.Equal(1, Int(summary.GetProperty("receptionsByRole").GetProperty("officer"), "days"));
        Assert.Equal("2024-05-31", summary.GetProperty("to").GetString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Out_of_scope_is_not_found_and_a_bad_date_is_a_problem_naming_the_parameter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", new DateOnly(2024, 7, 19));

        var outOfScope = await officer.GetAsync("/api/v1/units/10021/citizen-summary?from=2023-08-01&to=2024-05-31", Cancel);
        var casesOutOfScope = await officer.GetAsync("/api/v1/cases?unit=10021&asOf=2024-07-19", Cancel);
        var badFrom = await officer.GetAsync("/api/v1/units/10060/citizen-summary?from=01-08-2023&to=2024-05-31", Cancel);
        var missingTo = await officer.GetAsync("/api/v1/units/10060/citizen-summary?from=2023-08-01", Cancel);
        var badCases = await officer.GetAsync("/api/v1/cases?to=2024-13-01&status=lost&page=0", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, casesOutOfScope.StatusCode);
        Assert.Equal(["from"], await ProblemFieldsAsync(badFrom));
        Assert.Equal(["to"], await ProblemFieldsAsync(missingTo));
        Assert.Equal(["page", "status", "to"], await ProblemFieldsAsync(badCases));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_register_lists_the_callers_cases_with_the_filters_of_the_query(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var quangBi = await UnitIdAsync(database, "10072", TestUnits.Reorganisation);
        var overdue = Case(quangBi, new(2026, 11, 1), CaseStatus.Accepted, CaseKind.Denunciation, petitioner: "Lê Văn Tố", acceptedOn: new(2026, 11, 2), dueOn: new(2026, 11, 20));
        await AddAsync(database, overdue, Case(quangBi, new(2026, 11, 20)), Case(await UnitIdAsync(database, "10015", TestUnits.Reorganisation), new(2026, 11, 21)));
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.quangbi", Roles.Officer, "10072");

        var all = await officer.GetFromJsonAsync<JsonElement>("/api/v1/cases", Cancel);
        var late = await officer.GetFromJsonAsync<JsonElement>("/api/v1/cases?unit=10072&status=open&overdue=true&kind=denunciation&from=2026-11-01&to=2026-11-30", Cancel);

        Assert.Equal(2, Int(all, "count"));
        Assert.False(all.GetProperty("hasNextPage").GetBoolean());
        var row = Assert.Single(late.GetProperty("cases").EnumerateArray());
        Assert.Equal(overdue.Reference, row.GetProperty("reference").GetString());
        Assert.Equal("denunciation", row.GetProperty("kind").GetString());
        Assert.Equal("accepted", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("petitionerName").ValueKind);
        Assert.Equal("2026-11-20", row.GetProperty("currentDueOn").GetString());
        Assert.Equal((true, -5), (row.GetProperty("overdue").GetBoolean(), Int(row, "daysLeft")));
        Assert.Equal("Xã Quảng Bị", row.GetProperty("unitName").GetString());
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
    }
}
