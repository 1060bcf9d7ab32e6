using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Petitions;

namespace Oversight.Tests.Organisation;

public sealed class OrganisationApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_code_names_a_unit_only_together_with_a_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("admin", Roles.Administrator);

        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/10072?asOf=2024-07-19", Cancel);
        var today = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/10072", Cancel);

        Assert.Equal("Xã Hợp Đồng", before.GetProperty("name").GetString());
        Assert.Equal("2025-06-30", before.GetProperty("validTo").GetString());
        Assert.Equal("Xã Quảng Bị", today.GetProperty("name").GetString());
        Assert.Equal("commune", today.GetProperty("kind").GetString());
        Assert.Equal("2025-07-01", today.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, today.GetProperty("validTo").ValueKind);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Children_are_those_of_the_date_and_a_unit_gone_by_then_is_not_found(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("admin", Roles.Administrator);

        var children = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units/277/children?asOf=2024-07-19", Cancel);
        var hanoiToday = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units/01/children", Cancel);
        var districtToday = await client.GetAsync("/api/v1/units/277/children", Cancel);

        Assert.Equal(["10021", "10060", "10063", "10072"], children!.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["10015", "10072", "10126"], hanoiToday!.Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, districtToday.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Lineage_gives_successors_and_predecessors_with_partial_links_marked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("admin", Roles.Administrator);

        var totDong = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/10060/lineage?asOf=2024-07-19", Cancel);
        var lamDien = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/10063/lineage?asOf=2024-07-19", Cancel);
        var quangBi = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/10072/lineage", Cancel);

        Assert.Equal("277", totDong.GetProperty("unit").GetProperty("parentCode").GetString());
        var successor = Assert.Single(totDong.GetProperty("successors").EnumerateArray());
        Assert.Equal("10072", successor.GetProperty("code").GetString());
        Assert.Equal("Xã Quảng Bị", successor.GetProperty("name").GetString());
        Assert.Equal("2025-07-01", successor.GetProperty("date").GetString());
        Assert.False(successor.GetProperty("partial").GetBoolean());
        Assert.Equal(
            [("10072", true), ("10126", true)],
            lamDien.GetProperty("successors").EnumerateArray().Select(s => (s.GetProperty("code").GetString(), s.GetProperty("partial").GetBoolean())).OrderBy(s => s.Item1));
        Assert.Equal(
            [("Xã Hợp Đồng", false), ("Xã Lam Điền", true), ("Xã Tốt Động", false)],
            quangBi.GetProperty("predecessors").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("partial").GetBoolean())).OrderBy(s => s.Item1, StringComparer.Ordinal));
        Assert.Empty(quangBi.GetProperty("successors").EnumerateArray());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_sees_the_history_of_the_units_their_commune_was_formed_from_and_nothing_else(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var officer = await web.CreateApiClientAsync("officer.quangbi", Roles.Officer, "10072");

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/units/10072", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/units/10060?asOf=2024-07-19", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/units/10072?asOf=2024-07-19", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/units/10021?asOf=2024-07-19", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/units/277?asOf=2024-07-19", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/units/01", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/units/01/children", Cancel)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_leader_sees_the_district_subtree_but_not_the_city(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", new DateOnly(2024, 7, 19));

        var children = await leader.GetFromJsonAsync<JsonElement[]>("/api/v1/units/277/children?asOf=2024-07-19", Cancel);

        Assert.Equal(4, children!.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/api/v1/units/01?asOf=2024-07-19", Cancel)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_a_valid_token_the_api_answers_401(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var web = new OversightWebFactory(database);
        var anonymous = web.CreateClient();
        var forged = web.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "ovs_not-a-real-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/units/01", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/units/01", Cancel)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_token_follows_its_account_at_once_when_the_scope_changes_the_account_is_locked_or_the_token_revoked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var leader = await web.CreateApiClientAsync("leader", Roles.Leader, "277", new DateOnly(2024, 7, 19));
        async Task<HttpStatusCode> DistrictAsync() => (await leader.GetAsync("/api/v1/units/277?asOf=2024-07-19", Cancel)).StatusCode;
        async Task ChangeAsync(Func<UserManager<OversightUser>, OversightUser, Task> change)
        {
            await using var scope = database.SystemScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OversightUser>>();
            await change(users, (await users.FindByNameAsync("leader"))!);
        }

        var before = await DistrictAsync();
        await ChangeAsync(async (users, user) =>
        {
            user.ScopeUnitId = await PetitionRecords.UnitIdAsync(database, "10060", new DateOnly(2024, 7, 19));
            await users.UpdateAsync(user);
        });
        var narrowed = await DistrictAsync();
        var commune = (await leader.GetAsync("/api/v1/units/10060?asOf=2024-07-19", Cancel)).StatusCode;
        await ChangeAsync((users, user) => users.SetLockoutEndDateAsync(user, database.Time.GetUtcNow().AddDays(1)));
        var locked = (await leader.GetAsync("/api/v1/units/10060?asOf=2024-07-19", Cancel)).StatusCode;
        await ChangeAsync((users, user) => users.SetLockoutEndDateAsync(user, null));
        var unlocked = (await leader.GetAsync("/api/v1/units/10060?asOf=2024-07-19", Cancel)).StatusCode;
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            await db.PersonalAccessTokens.ExecuteUpdateAsync(t => t.SetProperty(p => p.RevokedAt, database.Time.GetUtcNow()), Cancel);
        }

        var revoked = (await leader.GetAsync("/api/v1/units/10060?asOf=2024-07-19", Cancel)).StatusCode;

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.NotFound, narrowed);
        Assert.Equal(HttpStatusCode.OK, commune);
        Assert.Equal(HttpStatusCode.Unauthorized, locked);
        Assert.Equal(HttpStatusCode.OK, unlocked);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked);
    }

    [Fact]
    public async Task A_malformed_date_is_a_bad_request_not_today()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var web = new OversightWebFactory(database);
        var client = await web.CreateApiClientAsync("admin", Roles.Administrator);

        var response = await client.GetAsync("/api/v1/units/10072?asOf=19-07-2024", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
