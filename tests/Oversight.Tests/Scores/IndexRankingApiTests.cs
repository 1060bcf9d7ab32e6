using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Scores;

/// <summary>An index answers on the rankings API like any indicator: the unit's score and rank among its peers, within the caller's scope.</summary>
public sealed class IndexRankingApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly DateOnly YearEnd = new(2023, 12, 31);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_ranking_gives_each_peer_its_score_and_rank_ties_sharing_one_and_the_years_of_the_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        (await database.ImportCsvAsync("scores", ScoreTesting.Scores)).AssertSucceeded();
        await using var factory = new OversightWebFactory(database);
        var leader = await factory.CreateApiClientAsync("leader.chuongmy", Roles.Leader, "277", YearEnd);

        var total = await leader.GetFromJsonAsync<JsonElement>("/api/v1/units/277/rankings?indicator=T-PAR", Cancel);
        var component = await leader.GetFromJsonAsync<JsonElement>("/api/v1/units/277/rankings?indicator=T-PAR/1.2", Cancel);
        var earlier = await leader.GetFromJsonAsync<JsonElement>("/api/v1/units/277/rankings?indicator=T-PAR&to=2022-12-31", Cancel);

        Assert.Equal("T-PAR", total.GetProperty("indicator").GetString());
        Assert.Equal(("2023-01-01", "2023-12-31", "public"), (total.GetProperty("from").GetString(), total.GetProperty("to").GetString(), total.GetProperty("peerVisibility").GetString()));
        Assert.Equal(4, total.GetProperty("rank").GetInt32());
        Assert.Equal(0, total.GetProperty("percentile").GetDouble());
        var peers = total.GetProperty("peers").EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("value").GetDouble(), p.GetProperty("rank").GetInt32(), p.GetProperty("withheld").GetBoolean())).ToArray();
        Assert.Equal([("278", 19d, 1, false), ("279", 15d, 2, false), ("280", 15d, 2, false), ("277", 6d, 4, false)], peers);
        var own = total.GetProperty("peers").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "277");
        Assert.Equal((11d, 3), (own.GetProperty("previousValue").GetDouble(), own.GetProperty("previousRank").GetInt32()));
        var index = total.GetProperty("index");
        Assert.Equal((20m, 15m, 9m, true), (index.GetProperty("maxScore").GetDecimal(), index.GetProperty("median").GetDecimal(), index.GetProperty("pointsLost").GetDecimal(), index.GetProperty("illustrative").GetBoolean()));
        Assert.Equal([(2022, 3), (2023, 4)], index.GetProperty("years").EnumerateArray().Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("rank").GetInt32())));

        Assert.Equal("T-PAR/1.2", component.GetProperty("indicator").GetString());
        Assert.Equal([("278", 1), ("280", 1), ("279", 3), ("277", 4)], component.GetProperty("peers").EnumerateArray().Select(p => (p.GetProperty("code").GetString(), p.GetProperty("rank").GetInt32())));
        Assert.Equal(6m, component.GetProperty("index").GetProperty("maxScore").GetDecimal());

        Assert.Equal((2022, 3), (earlier.GetProperty("index").GetProperty("year").GetInt32(), earlier.GetProperty("rank").GetInt32()));
    }

    [Fact]
    public async Task A_unit_outside_the_callers_scope_does_not_exist_and_an_unknown_index_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        (await database.ImportCsvAsync("scores", ScoreTesting.Scores)).AssertSucceeded();
        await using var factory = new OversightWebFactory(database);
        var thanhOai = await factory.CreateApiClientAsync("officer.thanhoai", Roles.Officer, "278", YearEnd);

        var own = await thanhOai.GetAsync("/api/v1/units/278/rankings?indicator=T-PAR", Cancel);
        var outOfScope = await thanhOai.GetAsync("/api/v1/units/277/rankings?indicator=T-PAR", Cancel);
        var unknown = await thanhOai.GetAsync("/api/v1/units/278/rankings?indicator=NO-SUCH-INDEX", Cancel);
        var notScored = await thanhOai.GetAsync("/api/v1/units/278/rankings?indicator=T-PAR&to=2019-12-31", Cancel);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notScored.StatusCode);
    }
}
