using Oversight.Cli;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

public sealed class ImportCommandsTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_units_writes_the_file_once_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = ImportTesting.WriteTempFile("units.csv", ImportTesting.ChuongMyUnits);

        var first = await RunAsync(database, "import", "units", file);
        var auditEntries = await database.AuditEntryCountAsync();
        var second = await RunAsync(database, "import", "units", file);

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal($"{file}: 9 rows imported. units: 9 created, 0 updated, 0 unchanged.", first.Output.Trim());
        Assert.Equal((0, $"{file}: 9 rows imported. units: 0 created, 0 updated, 9 unchanged."), (second.ExitCode, second.Output.Trim()));
        Assert.Equal(auditEntries, await database.AuditEntryCountAsync());
        Assert.Equal(9, (await database.GraphAsync()).UnitCount);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_people_with_errors_exits_1_and_prints_each_error_with_file_row_and_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var file = ImportTesting.WriteTempFile("people.csv",
            """
            code,full_name,gender,birth_date,party_joined,party_official,party_branch,party_branch_from,position_unit,position_title,leadership,sensitive_field,position_from,position_to
            CM-0001,Nguyễn Thị Hồng Nhung,female,12/04/1978,,,,,,,,,,
            CM-0002,Trần Văn Bình,male,,,,,,10063-UBND,Chủ tịch,yes,roads,2021-07-01,
            """);

        var result = await RunAsync(database, "import", "people", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                $"{file}:2: column birth_date: '12/04/1978' is not a date in the form YYYY-MM-DD",
                $"{file}:3: column sensitive_field: 'roads' is not one of: none, land, construction, finance, investment, personnel, inspection, education, health",
                $"{file}: 2 error(s); nothing was imported.",
            ],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("", result.Output);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_dry_run_reports_what_it_would_write_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = ImportTesting.WriteTempFile("units.csv", ImportTesting.ChuongMyUnits);

        var result = await RunAsync(database, "import", "units", file, "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("nothing written (dry run). Would write units: 9 created", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await database.GraphAsync()).UnitCount);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task A_file_with_more_data_rows_than_Imports_MaxRows_is_refused_naming_the_limit_and_nothing_is_written(string extension)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var lines = ImportTesting.ChuongMyUnits.Split('\n');
        var file = extension == "csv"
            ? ImportTesting.WriteTempFile("units.csv", ImportTesting.ChuongMyUnits)
            : ImportTesting.WriteXlsx(lines.Select(line => line.Split(',').Select(cell => (object?)(cell.Length == 0 ? null : cell)).ToArray()).ToArray());
        var audit = await database.AuditEntryCountAsync();

        var refused = await RunAsync(database, "import", "units", file, "--Imports:MaxRows", "8");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(
            [
                $"{file}: more than 8 data rows: an import takes at most 8 (Imports:MaxRows); split the file, nothing was written",
                $"{file}: 1 error(s); nothing was imported.",
            ],
            refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal((0, audit), ((await database.GraphAsync()).UnitCount, await database.AuditEntryCountAsync()));

        var taken = await RunAsync(database, "import", "units", file, "--Imports:MaxRows", "9");

        Assert.Equal((0, $"{file}: 9 rows imported. units: 9 created, 0 updated, 0 unchanged."), (taken.ExitCode, taken.Output.Trim()));
    }

    [Fact]
    public async Task A_file_wrong_on_every_row_lists_its_first_thousand_errors_and_counts_them_all()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = ImportTesting.WriteTempFile("units.csv",
            string.Join('\n', ["code,name,kind,parent,valid_from,valid_to", .. Enumerable.Range(1, 1_200).Select(i => $"U{i},Đơn vị {i},xyz,,,")]));

        var result = await RunAsync(database, "import", "units", file);

        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal((1, ImportErrors.Listed + 1), (result.ExitCode, lines.Length));
        Assert.StartsWith($"{file}:2: column kind: 'xyz' is not one of:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{file}:{ImportErrors.Listed + 1}: column kind:", lines[^2], StringComparison.Ordinal);
        Assert.Equal($"{file}: 1200 error(s), the first 1000 listed; nothing was imported.", lines[^1]);
    }

    [Fact]
    public async Task A_missing_file_exits_1_with_its_name()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var missing = Path.Combine(Path.GetTempPath(), "oversight-tests", "no-such-units.csv");

        var result = await RunAsync(database, "import", "units", missing);

        Assert.Equal((1, $"oversight import units: {missing}: no such file"), (result.ExitCode, result.Error.Trim()));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
