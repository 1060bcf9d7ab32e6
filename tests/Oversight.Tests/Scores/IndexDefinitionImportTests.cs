using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Scores;

/// <summary>An index's definition is data: a file gives each year's tree of components, checked before anything is written.</summary>
public sealed class IndexDefinitionImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_definition_loads_once_audited_as_one_entry_and_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var auditBefore = await database.AuditEntryCountAsync();

        var first = await database.ImportCsvAsync("index", ScoreTesting.Definition);
        var again = await database.ImportCsvAsync("index", ScoreTesting.Definition);

        first.AssertSucceeded();
        Assert.Equal((1, 0, 0), (first.Tally("indices").Created, first.Tally("indices").Updated, first.Tally("indices").Unchanged));
        Assert.Equal(2, first.Tally("index years").Created);
        Assert.Equal(8, first.Tally("components").Created);
        Assert.Equal((0, 0, 1), (again.Tally("indices").Created, again.Tally("indices").Updated, again.Tally("indices").Unchanged));
        Assert.Equal((0, 0, 8), (again.Tally("components").Created, again.Tally("components").Updated, again.Tally("components").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var entry = await db.AuditEntries.OrderBy(e => e.Id).LastAsync(Cancel);
        Assert.Equal(("import", "ScoreIndex", "index.csv"), (entry.Action, entry.EntityType, entry.EntityId));
        var year = await db.IndexYears.Include(y => y.Components).SingleAsync(y => y.Year == 2023, Cancel);
        Assert.Equal((20m, true), (year.MaxScore, year.Illustrative));
        Assert.Equal(["1", "1.1", "1.2", "2"], year.Components.OrderBy(c => c.Order).Select(c => c.Code));
        Assert.Equal("PUB.ONLINE;CIT.OVERDUE", year.Components.Single(c => c.Code == "2").Indicators);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_tree_writes_nothing_and_each_error_names_its_row_and_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var csv = ScoreTesting.DefinitionHeader + "\n"
            + "T-PAR,2023,,Chỉ số thử,Test index,20,UBND Thành phố Hà Nội,district,,,\n" // 2: areas 1 and 4 add up to 15
            + "T-PAR,2023,1,Lĩnh vực 1,Area 1,10,,,,,\n"                                   // 3: criteria add up to 9
            + "T-PAR,2023,1.1,Tiêu chí,Criterion,4,,,,,\n"
            + "T-PAR,2023,1.2,Tiêu chí,Criterion,5,,,,,\n"
            + "T-PAR,2023,3.1,Tiêu chí,Criterion,2,,,,,\n"                                 // 6: no area 3
            + "T-PAR,2023,2,Lĩnh vực 2,Area 2,mười,,,,,\n"                                 // 7: not a maximum
            + "T-PAR,2023,1.1,Tiêu chí,Criterion,4,,,,,\n"                                 // 8: row 4 again
            + "T-PAR,2023,4,Lĩnh vực 4,Area 4,5,Bộ Nội vụ,,,,NOPE.X\n"                     // 9: owner on a component, no such indicator
            + "t-par,2023,,Chỉ số,Index,20,UBND,district,,,\n"                             // 10: not an index code
            + "Q-PAR,2023,1,Lĩnh vực,Area,5,,,,,\n";                                       // 11: Q-PAR 2023 has no row of its own

        var result = await database.ImportCsvAsync("index", csv);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(2, "max_score"), (3, "max_score"), (6, "component"), (7, "max_score"), (8, "component"), (9, "indicators"), (9, "owner"), (10, "index"), (11, "component")],
            result.Places());
        Assert.All(result.Errors, e => Assert.Equal("index.csv", e.File));
        Assert.Equal("index.csv:3: column max_score: the maxima of its parts (1.1: 4 + 1.2: 5) add up to 9, not 10", result.Errors.Single(e => e.Row == 3).ToString());
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(0, await db.ScoreIndices.CountAsync(Cancel));
        Assert.Equal(0, await db.IndexComponents.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_definition_cannot_leave_a_scored_component_out_nor_put_its_maximum_below_a_score(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ScoreTesting.AddDistrictsAsync(database);
        (await database.ImportCsvAsync("index", ScoreTesting.Definition)).AssertSucceeded();
        (await database.ImportCsvAsync("scores", ScoreTesting.Scores)).AssertSucceeded();

        // 1.2 down to 5 (278 and 280 scored 6 on it), 1.1 up to 5: the tree still adds up.
        var lowered = await database.ImportCsvAsync("index", ScoreTesting.Definition
            .Replace("T-PAR,2023,1.1,Kế hoạch,Plan,4", "T-PAR,2023,1.1,Kế hoạch,Plan,5", StringComparison.Ordinal)
            .Replace("T-PAR,2023,1.2,Kiểm tra,Inspection,6", "T-PAR,2023,1.2,Kiểm tra,Inspection,5", StringComparison.Ordinal));
        var withoutArea2 = await database.ImportCsvAsync("index", ScoreTesting.DefinitionHeader + "\n"
            + "T-PAR,2023,,Chỉ số cải cách hành chính thử,Test reform index,10,UBND Thành phố Hà Nội,district,Minh họa,yes,\n"
            + "T-PAR,2023,1,Chỉ đạo điều hành,Direction,10,,,,,\n"
            + "T-PAR,2023,1.1,Kế hoạch,Plan,4,,,,,\n"
            + "T-PAR,2023,1.2,Kiểm tra,Inspection,6,,,,,\n");

        Assert.Equal([(10, "max_score")], lowered.Places());
        Assert.Contains("a score of 6 is recorded for component 1.2", lowered.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal([(2, "component"), (2, "max_score")], withoutArea2.Places());
        Assert.Contains("component 2 of T-PAR 2023 has scores recorded", withoutArea2.Errors.Single(e => e.Column == "component").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_PAR_INDEX_definition_has_eight_areas_adding_up_to_100()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.Combine(RepositoryRoot(), "src", "Oversight.Core", "Scores", "Definitions", "par-index-2023.csv");

        var result = await database.ImportCsvAsync("index", await File.ReadAllTextAsync(path, Cancel));

        result.AssertSucceeded();
        Assert.Equal(8, result.Tally("components").Created);
    }

    [Fact]
    public async Task Only_an_administrator_imports_a_definition()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ScoreTesting.AddDistrictsAsync(database);
        var hanoi = (await database.GraphAsync()).Find("01", new DateOnly(2023, 12, 31))!.Id;

        var result = await database.ImportCsvAsync("index", ScoreTesting.Definition, ("officer.hanoi", hanoi));

        Assert.Equal("ImportError.AdministratorsOnly", Assert.Single(result.Errors).Key);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Oversight.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Oversight.slnx not found above the test's directory");
    }
}
