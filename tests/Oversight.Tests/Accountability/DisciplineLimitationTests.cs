using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Rules;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Accountability;

public sealed class DisciplineLimitationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reprimand_lapses_after_5_years_a_warning_after_10_and_expulsion_never()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.SystemScope();
        var rules = await scope.ServiceProvider.GetRequiredService<RuleBook>().GetAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), Cancel);
        var violation = new DateOnly(2018, 1, 10);

        var lastDay = DisciplineLimitation.Check(rules, DisciplineForm.Reprimand, violation, new(2023, 1, 9));
        var lapsed = DisciplineLimitation.Check(rules, DisciplineForm.Reprimand, violation, new(2023, 1, 10));
        var warning = DisciplineLimitation.Check(rules, DisciplineForm.Warning, violation, new(2024, 6, 1));
        var expulsion = DisciplineLimitation.Check(rules, DisciplineForm.Expulsion, new(2000, 1, 1), new(2024, 6, 1));

        Assert.Equal((new DateOnly(2023, 1, 10), false, "party-discipline-2022"), (lastDay.LapsesOn, lastDay.Lapsed, lastDay.Rule!.PackId));
        Assert.True(lapsed.Lapsed);
        Assert.Equal((new DateOnly(2028, 1, 10), false), (warning.LapsesOn, warning.Lapsed));
        Assert.Equal((null, null, false), (expulsion.Rule, expulsion.LapsesOn, expulsion.Lapsed));
    }
}
