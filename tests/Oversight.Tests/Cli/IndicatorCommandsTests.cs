using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Cli;

public sealed class IndicatorCommandsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Check_finds_a_change_made_by_hand_and_rebuild_repairs_the_facts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", new(2024, 12, 31));
        var open = Case(totDong, new(2024, 3, 4), CaseStatus.UnderConsideration, withinJurisdiction: true, acceptedOn: new(2024, 3, 6), dueOn: new(2024, 4, 6));
        await AddAsync(database, open, Case(totDong, new(2024, 5, 2), CaseStatus.Resolved, withinJurisdiction: true, acceptedOn: new(2024, 5, 3), dueOn: new(2024, 6, 3), closedOn: new(2024, 5, 20)));

        var intact = await CheckAsync(database, "--unit", "277", "--from", "2024-01-01", "--to", "2024-12-31");
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Empty(intact.Output);
        Assert.Contains("the facts equal the records", intact.Error);

        // Resolved by hand in the database, past the application and its facts.
        await using (var scope = database.SystemScope())
        {
            var changed = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.Where(c => c.Id == open.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Resolved).SetProperty(c => c.ClosedOn, new DateOnly(2024, 3, 30)), Cancel);
            Assert.Equal(1, changed);
        }

        var broken = await CheckAsync(database, "--unit", "277", "--from", "2024-01-01", "--to", "2024-12-31");
        Assert.True(broken.ExitCode == 1, broken.ToString());
        Assert.Contains("CIT.RESOLVED-WITHIN-JURISDICTION\t10060 Xã Tốt Động\t2024-01-01..2024-12-31\tkept 1\trecounted 2", broken.Output.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Contains("CIT.OVERDUE\t10060 Xã Tốt Động\t2024-01-01..2024-12-31\tkept 1\trecounted 0", broken.Output.Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Contains("difference(s)", broken.Error);

        var rebuilt = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "indicators", "rebuild"]);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.StartsWith($"Rebuilt the facts of {RecordSets.ByName.Count} record sets", rebuilt.Output);

        var repaired = await CheckAsync(database);
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        Assert.Empty(repaired.Output);
    }

    [Fact]
    public async Task Check_names_an_unknown_unit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await CheckAsync(database, "--unit", "99999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no unit has code 99999", result.Error);
    }

    private static Task<AppResult> CheckAsync(TestDatabase database, params string[] options) =>
        AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "indicators", "check", .. options]);
}
