using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Rules;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Rules;

public sealed class RuleBookTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Law136 =
        """
        {
          "id": "reception-2026-07",
          "title": "Lịch tiếp công dân từ 01/7/2026",
          "effectiveFrom": "2026-07-01",
          "rules": { "reception.committee-chairman.commune": { "value": 2, "unit": "days-per-month", "citation": "Luật số 136/2025/QH15", "verified": true } }
        }
        """;

    [Fact]
    public void Every_shipped_pack_parses_and_every_value_has_a_citation()
    {
        Assert.NotEmpty(RuleBook.ShippedPacks);
        Assert.All(RuleBook.ShippedPacks.SelectMany(p => p.Rules.Values), v => Assert.False(string.IsNullOrWhiteSpace(v.Citation)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_key_takes_its_value_from_the_latest_pack_in_force_that_defines_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();
        var rules = await scope.ServiceProvider.GetRequiredService<RuleBook>().GetAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), Cancel);

        var before = rules.Find("reception.committee-chairman.commune", new DateOnly(2026, 6, 30));
        var after = rules.Find("reception.committee-chairman.commune", new DateOnly(2026, 7, 1));
        var untouched = rules.Find("complaint.resolve", new DateOnly(2026, 7, 1));

        Assert.Equal((1m, RuleUnit.DaysPerWeek, "reception-2014"), (before!.Value.Value, before.Value.Unit, before.PackId));
        Assert.Equal((2m, RuleUnit.DaysPerMonth, "reception-2026-07"), (after!.Value.Value, after.Value.Unit, after.PackId));
        Assert.Equal("citizens-2012", untouched!.PackId);
        Assert.Null(rules.Find("complaint.resolve", new DateOnly(2012, 6, 30)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_loaded_pack_replaces_the_shipped_one_at_once_and_loading_it_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();
        var loader = scope.ServiceProvider.GetRequiredService<RulePackLoader>();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var book = scope.ServiceProvider.GetRequiredService<RuleBook>();
        _ = await book.GetAsync(db, Cancel);

        var first = await loader.LoadAsync("reception-2026-07.json", Law136, Cancel);
        var audited = await db.AuditEntries.CountAsync(Cancel);
        var second = await loader.LoadAsync("reception-2026-07.json", Law136, Cancel);
        var rules = await book.GetAsync(db, Cancel);

        Assert.Equal(RulePackLoad.Created, first.Load);
        Assert.Equal(RulePackLoad.Unchanged, second.Load);
        Assert.Equal(audited, await db.AuditEntries.CountAsync(Cancel));
        Assert.True(rules.Find("reception.committee-chairman.commune", new DateOnly(2026, 7, 1))!.Value.Verified);
        Assert.True(rules.Packs.Single(p => p.File.Id == "reception-2026-07").Loaded);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_pack_is_refused_with_every_problem_named_and_nothing_stored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();
        var loader = scope.ServiceProvider.GetRequiredService<RulePackLoader>();

        var result = await loader.LoadAsync(
            "bad.json",
            """{ "id": "bad pack", "title": "x", "effectiveFrom": "2026-13-01", "rules": { "complaint.resolve": { "value": 2.5, "unit": "working-days" }, "x": { "value": 1, "unit": "fortnights", "citation": "y" } } }""",
            Cancel);

        Assert.Null(result.Load);
        Assert.Equal(
            [
                "bad.json: effectiveFrom: '2026-13-01' is not a date in the form YYYY-MM-DD",
                "bad.json: id: 'bad pack' must be 1–100 letters, digits, '-' or '.'",
                "bad.json: rules.complaint.resolve.citation: every value needs its legal citation",
                "bad.json: rules.complaint.resolve.value: 2.5 must be a whole number",
                "bad.json: rules.x.unit: 'fortnights' is not one of: calendar-days, working-days, days-per-week, days-per-month, years, count, names",
            ],
            result.Errors.Order(StringComparer.Ordinal));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().RulePacks.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_an_administrator_loads_packs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.UserScope("leader", Oversight.Accounts.Roles.Leader, null);

        var result = await scope.ServiceProvider.GetRequiredService<RulePackLoader>().LoadAsync("reception-2026-07.json", Law136, Cancel);

        Assert.Null(result.Load);
        Assert.Contains("only an administrator", Assert.Single(result.Errors));
    }
}
