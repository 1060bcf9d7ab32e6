using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Scores;

/// <summary>Scores are imported per unit, year and component, the totals derived from the parts or checked against them.</summary>
public sealed class IndexScoreImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Scores_load_with_their_totals_derived_audited_once_and_again_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        var auditBefore = await database.AuditEntryCountAsync();

        var first = await database.ImportCsvAsync("scores", ScoreTesting.Scores);
        var again = await database.ImportCsvAsync("scores", ScoreTesting.Scores);

        first.AssertSucceeded();
        // 2023: 12 criteria and areas given, areas 1 and the totals derived (8); 2022: 4 totals.
        Assert.Equal((24, 0, 0), (first.Tally("scores").Created, first.Tally("scores").Updated, first.Tally("scores").Unchanged));
        Assert.Equal((0, 0, 24), (again.Tally("scores").Created, again.Tally("scores").Updated, again.Tally("scores").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).LastAsync(Cancel);
        Assert.Equal(("import", "IndexScore", "scores.csv"), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Contains("\"added\":24", entry.After, StringComparison.Ordinal);
        var chuongMy = (await database.GraphAsync()).Find("277", new DateOnly(2023, 12, 31))!.Id;
        var scores = await db.IndexScores.Where(s => s.UnitId == chuongMy).ToListAsync(Cancel);
        Assert.Equal(6m, scores.Single(s => s.Component == "" && s.Score != 11m).Score);
        Assert.Equal(3m, scores.Single(s => s.Component == "1").Score);

        // A newer file for a unit's year replaces it: 277's 2023 criterion 1.1 corrected changes it, area 1 and the total.
        var corrected = await database.ImportCsvAsync("scores", ScoreTesting.Scores.Replace("T-PAR,2023,277,1.1,1", "T-PAR,2023,277,1.1,1.5", StringComparison.Ordinal));
        Assert.Equal((0, 3, 21), (corrected.Tally("scores").Created, corrected.Tally("scores").Updated, corrected.Tally("scores").Unchanged));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_any_wrong_row_writes_nothing_and_names_each_row_and_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        var auditBefore = await database.AuditEntryCountAsync();
        var csv = ScoreTesting.ScoreHeader + "\n"
            + "T-PAR,2023,277,1.1,4.5\n"   // 2: above the maximum of 4
            + "T-PAR,2023,277,1.2,abc\n"   // 3: not a score
            + "T-PAR,2023,10060,2,3\n"     // 4: a commune; the index scores districts
            + "T-PAR,2023,99999,2,3\n"     // 5: no such unit
            + "T-PAR,2021,278,2,3\n"       // 6: no definition for 2021
            + "T-PAR,2023,278,9,3\n"       // 7: no component 9
            + "T-PAR,2023,279,1.1,3\n"     // 8: 1.1 without 1.2
            + "T-PAR,2023,279,1,9\n"       // 9: area 1 without area 2
            + "T-PAR,2023,280,1.1,2\n"
            + "T-PAR,2023,280,1.2,6\n"
            + "T-PAR,2023,280,1,9\n"       // 12: not 2 + 6
            + "T-PAR,2023,280,2,7\n"
            + "T-PAR,2023,278,1,10\n"
            + "T-PAR,2023,278,2,9\n"
            + "T-PAR,2023,278,2,8\n";      // 16: row 15 again

        var result = await database.ImportCsvAsync("scores", csv);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(2, "score"), (3, "score"), (4, "unit"), (5, "unit"), (6, "year"), (7, "component"), (8, "component"), (9, "component"), (12, "score"), (16, "component")],
            result.Places());
        Assert.Equal("scores.csv:2: column score: '4.5' is not a score from 0 to 4 (the component's maximum), with at most two decimals", result.Errors[0].ToString());
        Assert.Equal("scores.csv:12: column score: 9 is not the sum of its parts (1.1 + 1.2), 8", result.Errors.Single(e => e.Row == 12).ToString());
        Assert.Equal(auditBefore, await database.AuditEntryCountAsync());
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().IndexScores.CountAsync(Cancel));
    }

    [Fact]
    public async Task An_officer_imports_only_the_scores_of_units_in_scope()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        var chuongMy = (await database.GraphAsync()).Find("277", new DateOnly(2023, 12, 31))!.Id;

        var result = await database.ImportCsvAsync("scores", ScoreTesting.ScoreHeader + "\nT-PAR,2022,277,,11\nT-PAR,2022,278,,18\n", ("officer.chuongmy", chuongMy));

        Assert.Equal([(3, "unit")], result.Places());
    }
}
