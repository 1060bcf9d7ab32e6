using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

public sealed class UnitImportTests
{
    private static readonly DateOnly MidTwentyFour = new(2024, 6, 1);
    private static readonly DateOnly SpringTwentyFive = new(2025, 3, 1);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_good_file_creates_every_unit_with_its_parent_from_the_file_or_the_database(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync("code,name,kind,parent,valid_from,valid_to\n01,Thành phố Hà Nội,province,,,")).AssertSucceeded();

        // Children before their parent, columns in another order, header in capitals, an extra column, a decomposed (NFD) name.
        var decomposed = "Xã Tốt Động".Normalize(NormalizationForm.FormD);
        var result = await database.ImportUnitsAsync(
            $"""
            Valid_From,Kind,CODE,Name,Parent,Valid_To,note
            2010-01-01,party-committee,10060-DU,Đảng ủy xã Tốt Động,10060,2025-06-30,from the district office
            ,commune,10060,"{decomposed}",277,2025-06-30,
            ,district,277,"Huyện Chương Mỹ",01,2025-06-30,"a note, with a comma"
            """);

        result.AssertSucceeded();
        Assert.Equal(new ImportTally("units", 3, 0, 0), result.Tally("units"));
        var graph = await database.GraphAsync();
        var day = new DateOnly(2024, 7, 19);
        var district = graph.Find("277", day)!;
        var commune = graph.Find("10060", day)!;
        var committee = graph.Find("10060-DU", day)!;
        Assert.Equal(graph.Find("01", day)!.Id, district.ParentId);
        Assert.Equal(district.Id, commune.ParentId);
        Assert.Equal(commune.Id, committee.ParentId);
        Assert.Equal("Xã Tốt Động".Normalize(NormalizationForm.FormC), commune.Name);
        Assert.Equal(UnitKind.PartyCommittee, committee.Kind);
        Assert.Equal((new DateOnly(2010, 1, 1), new DateOnly(2025, 6, 30)), (committee.ValidFrom, committee.ValidTo));
        Assert.Null(graph.Find("10060", new DateOnly(2025, 7, 1)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_the_same_file_twice_changes_nothing_the_second_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var auditEntries = await database.AuditEntryCountAsync();

        var again = await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits);

        again.AssertSucceeded();
        Assert.Equal(new ImportTally("units", 0, 0, 9), again.Tally("units"));
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());
        Assert.Equal(9, (await database.GraphAsync()).UnitCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_errors_in_several_rows_reports_each_row_and_column_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var auditEntries = await database.AuditEntryCountAsync();

        var result = await database.ImportUnitsAsync(
            """
            code,name,kind,parent,valid_from,valid_to
            01,Thành phố Hà Nội,province,,,
            277,Huyện Chương Mỹ,county,01,,
            10060,Xã Tốt Động,commune,277,19/07/2024,
            10063,Xã Lam Điền,commune,277,2025-07-01,2025-06-30
            10072,Xã Hợp Đồng,commune,999,,
            10021,,commune,277,,
            01,Thành phố Hà Nội (bản sao),province,,2020-01-01,
            10081,Xã Hữu Văn,commune,10063,,
            """);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(3, "kind"), (4, "valid_from"), (5, "valid_to"), (6, "parent"), (7, "name"), (8, "code"), (9, "parent")],
            result.Places());
        Assert.Contains(result.Errors, e => e.ToString() == "units.csv:3: column kind: 'county' is not one of: province, district, commune, ward, town, special-zone, party-committee, party-branch, peoples-committee, peoples-council, agency, school, mass-organisation");
        Assert.Contains(result.Errors, e => e.Row == 6 && e.Message.Contains("no unit has code 999", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Row == 9 && e.Message.Contains("row 5", StringComparison.Ordinal));
        Assert.Empty(result.Tallies);
        Assert.Equal(0, (await database.GraphAsync()).UnitCount);
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reused_code_resolves_to_the_unit_that_carried_it_on_the_row_date(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        // In the file: each 10096-DU row names parent 10096 on its own valid_from.
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        // In the database: the branches name parent 10096-DU, a code of two units.
        (await database.ImportUnitsAsync(
            """
            code,name,kind,parent,valid_from,valid_to
            10096-CB01,Chi bộ thôn Đồng Phú,party-branch,10096-DU,2024-06-01,2024-12-31
            10096-CB02,Chi bộ thôn Hồng Phú,party-branch,10096-DU,2025-03-01,
            """)).AssertSucceeded();

        var graph = await database.GraphAsync();
        Assert.NotEqual(graph.Find("10096", MidTwentyFour)!.Id, graph.Find("10096", SpringTwentyFive)!.Id);
        Assert.Equal(graph.Find("10096", MidTwentyFour)!.Id, graph.Find("10096-DU", MidTwentyFour)!.ParentId);
        Assert.Equal(graph.Find("10096", SpringTwentyFive)!.Id, graph.Find("10096-DU", SpringTwentyFive)!.ParentId);
        Assert.Equal("Đảng ủy xã Đồng Phú", graph.At(graph.Find("10096-CB01", MidTwentyFour)!.ParentId!.Value, MidTwentyFour)!.Name);
        Assert.Equal("Đảng ủy xã Hồng Phú", graph.At(graph.Find("10096-CB02", SpringTwentyFive)!.ParentId!.Value, SpringTwentyFive)!.Name);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_name_from_a_later_date_adds_a_version_and_a_valid_to_ends_the_unit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var unitsBefore = (await database.GraphAsync()).UnitCount;

        var result = await database.ImportUnitsAsync(
            """
            code,name,kind,parent,valid_from,valid_to
            10063-CB01,Chi bộ thôn Đồng Tiến - Lam Điền,party-branch,10063,2020-01-01,2024-12-31
            10063-UBND,Ủy ban nhân dân xã Lam Điền,peoples-committee,10063,2010-01-01,2025-06-30
            """);

        result.AssertSucceeded();
        Assert.Equal(new ImportTally("units", 0, 1, 1), result.Tally("units"));
        var graph = await database.GraphAsync();
        Assert.Equal(unitsBefore, graph.UnitCount);
        var branch = graph.Find("10063-CB01", new DateOnly(2015, 1, 1))!;
        Assert.Equal(
            [("Chi bộ thôn Đồng Tiến", new DateOnly(2010, 1, 1), new DateOnly(2019, 12, 31)), ("Chi bộ thôn Đồng Tiến - Lam Điền", new DateOnly(2020, 1, 1), new DateOnly(2024, 12, 31))],
            graph.History(branch.Id).Select(v => (v.Name, v.VersionFrom!.Value, v.VersionTo!.Value)));
        Assert.Equal(new DateOnly(2024, 12, 31), branch.ValidTo);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_xlsx_file_with_date_cells_number_cells_and_text_dates_imports_like_a_csv(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = ImportTesting.WriteXlsx(
        [
            ["code", "name", "kind", "parent", "valid_from", "valid_to"],
            [1.0, "Thành phố Hà Nội", "province", null, null, null],
            ["277", "Huyện Chương Mỹ", "district", 1.0, new DateTime(2008, 8, 1), "2025-06-30"],
            ["10060", "Xã Tốt Động", "commune", "277", "2008-08-01", new DateTime(2025, 6, 30)],
        ]);

        var result = await database.ImportAsync<UnitImport>(Path.GetFileName(path), File.OpenRead(path));

        result.AssertSucceeded();
        Assert.Equal(3, result.Rows);
        var graph = await database.GraphAsync();
        var commune = graph.Find("10060", new DateOnly(2024, 7, 19))!;
        Assert.Equal((new DateOnly(2008, 8, 1), new DateOnly(2025, 6, 30)), (commune.ValidFrom, commune.ValidTo));
        Assert.Equal(graph.Find("1", new DateOnly(2024, 7, 19))!.Id, graph.Find("277", new DateOnly(2024, 7, 19))!.ParentId);
        var again = await database.ImportAsync<UnitImport>(Path.GetFileName(path), File.OpenRead(path));
        Assert.Equal(new ImportTally("units", 0, 0, 3), again.Tally("units"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Codes_reused_within_the_database_must_not_overlap_and_units_are_not_moved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();

        var result = await database.ImportUnitsAsync(
            """
            code,name,kind,parent,valid_from,valid_to
            10096,Xã Hòa Phú,commune,01,2024-06-01,
            10063,Xã Lam Điền,commune,01,,2025-06-30
            10063-CB01,Chi bộ thôn Đồng Tiến,party-branch,10063,2010-01-01,2025-06-30
            10063-CB01,Chi bộ thôn Đồng Tiến,party-branch,10063,2010-01-01,2025-06-30
            """);

        Assert.Equal([(2, "parent"), (3, "parent"), (4, "parent"), (5, "code")], result.Places());
        Assert.Contains("under parent 277", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("parent 10063 is on row 3", result.Errors[2].Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dry_run_checks_and_counts_but_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits, dryRun: true);

        result.AssertSucceeded();
        Assert.True(result.DryRun);
        Assert.Equal(new ImportTally("units", 9, 0, 0), result.Tally("units"));
        Assert.Equal(0, (await database.GraphAsync()).UnitCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_an_administrator_may_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.UserScope("officer", Roles.Officer, Guid.CreateVersion7());

        var result = await scope.ServiceProvider.GetRequiredService<UnitImport>()
            .ImportAsync("units.csv", ImportTesting.Utf8(ImportTesting.ChuongMyUnits), dryRun: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((0, (string?)null), Assert.Single(result.Places()));
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Units.CountAsync(TestContext.Current.CancellationToken));
    }
}
