using System.Net;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Web;

public sealed class SearchPageTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_ignores_diacritics_and_finds_units_of_every_period_and_people(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = new OversightWebFactory(database);
        var scenario = await WebScenario.CreateAsync(factory);
        var session = await PageSession.SignInAsync(factory, WebScenario.Administrator);

        var (status, chuongMy) = await session.GetAsync("/search?q=chuong+my");
        var (_, dong) = await session.GetAsync("/search?q=dong");

        Assert.Equal(HttpStatusCode.OK, status);
        var units = chuongMy.QuerySelectorAll("#unit-results + table tbody a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href"));
        Assert.Equal("/units/277?asOf=2025-06-30", units["Huyện Chương Mỹ"]);
        Assert.Equal("/units/10015?asOf=2026-11-25", units["Phường Chương Mỹ"]);
        var dongUnits = dong.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent).ToArray();
        Assert.Contains("Xã Tốt Động", dongUnits);
        Assert.Contains("Xã Hợp Đồng", dongUnits);
        var person = Assert.Single(dong.QuerySelectorAll("#people-results + table tbody a"));
        Assert.Equal(("Nguyễn Văn Đông", $"/people/{scenario.ChairmanId}"), (person.TextContent, person.GetAttribute("href")));
    }

    [Fact]
    public async Task Search_as_of_a_day_finds_only_units_that_existed_then_and_only_within_the_callers_scope()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var factory = new OversightWebFactory(database);
        await WebScenario.CreateAsync(factory);
        var administrator = await PageSession.SignInAsync(factory, WebScenario.Administrator);
        var officer = await PageSession.SignInAsync(factory, WebScenario.TotDongOfficer);

        var (_, asOf) = await administrator.GetAsync("/search?q=chuong+my&asOf=2025-08-01");
        var (_, scoped) = await officer.GetAsync("/search?q=dong");

        Assert.Equal(["Phường Chương Mỹ"], asOf.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent));
        var scopedUnits = scoped.QuerySelectorAll("#unit-results + table tbody a").Select(a => a.TextContent).ToArray();
        Assert.Contains("Xã Tốt Động", scopedUnits);
        Assert.Contains("Chi bộ thôn Đồng Tâm", scopedUnits);
        Assert.DoesNotContain("Xã Hợp Đồng", scopedUnits);
    }
}
