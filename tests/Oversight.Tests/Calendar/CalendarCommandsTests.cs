using System.Globalization;
using Oversight.Calendar;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Calendar;

/// <summary>The <c>calendar</c> commands of the CLI, run in-process against a test database, with their exact output.</summary>
public sealed class CalendarCommandsTests
{
    [Theory]
    [InlineData("2025-01-29", "1/1/2025")]
    [InlineData("2023-03-22", "1/2/2023 leap")]
    [InlineData("2025-08-22", "29/6/2025 leap")]
    [InlineData("1985-01-21", "1/1/1985")]
    public async Task Calendar_lunar_prints_day_month_year_and_leap(string date, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "lunar", date);

        Assert.Equal((0, expected + "\n", ""), (result.ExitCode, result.Output, result.Error));
    }

    [Fact]
    public async Task Calendar_tet_prints_one_line_per_year()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "tet", "--from", "2023", "--to", "2026");

        Assert.Equal((0, "2023 2023-01-22\n2024 2024-02-10\n2025 2025-01-29\n2026 2026-02-17\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Calendar_months_prints_first_day_year_number_and_leap_for_each_month()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "months", "--from", "2023", "--to", "2023");

        Assert.Equal(
            (0, """
                2023-01-22 2023 1
                2023-02-20 2023 2
                2023-03-22 2023 2 leap
                2023-04-20 2023 3
                2023-05-19 2023 4
                2023-06-18 2023 5
                2023-07-18 2023 6
                2023-08-16 2023 7
                2023-09-15 2023 8
                2023-10-15 2023 9
                2023-11-13 2023 10
                2023-12-13 2023 11
                2024-01-11 2023 12

                """),
            (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Calendar_months_from_1900_to_2100_lists_2486_months_each_beginning_on_a_new_moon_of_the_ephemeris()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "months", "--from", "1900", "--to", "2100");

        var firstDays = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => DateOnly.Parse(line[..10], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal((0, 2486), (result.ExitCode, firstDays.Count));
        Assert.Equal(NewMoonTests.Ephemeris.Select(n => n.Day).Where(day => day >= VietnameseLunarCalendar.NewYear(1900)), firstDays);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_holidays_prints_every_day_off_of_the_year_in_date_order(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await RunAsync(database, "calendar", "holidays", "--year", "2024");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "2024-01-01 Tết Dương lịch",
                .. Enumerable.Range(8, 7).Select(day => $"2024-02-{day:00} Tết Nguyên đán"),
                "2024-04-18 Giỗ Tổ Hùng Vương",
                .. new[] { "04-27", "04-28", "04-29", "04-30", "05-01" }.Select(day => $"2024-{day} Ngày Chiến thắng và Ngày Quốc tế Lao động"),
                .. new[] { "08-31", "09-01", "09-02", "09-03" }.Select(day => $"2024-{day} Quốc khánh"),
            ],
            result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("2025-04-25", "1", "2025-04-26")]
    [InlineData("2024-02-07", "1", "2024-02-15")]
    [InlineData("2026-02-12", "10", "2026-03-05")]
    public async Task Calendar_add_working_days_prints_the_date(string date, string days, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "add-working-days", date, days);

        Assert.Equal((0, expected + "\n"), (result.ExitCode, result.Output));
    }

    [Fact]
    public async Task Calendar_count_working_days_prints_the_count()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, "calendar", "count-working-days", "2025-04-25", "2025-05-05");

        Assert.Equal((0, "4\n"), (result.ExitCode, result.Output));
    }

    [Theory]
    [InlineData(new[] { "calendar", "lunar", "2025-02-30" }, "oversight calendar lunar: YYYY-MM-DD '2025-02-30' is not a date in the form YYYY-MM-DD")]
    [InlineData(new[] { "calendar", "lunar", "1899-12-31" }, "oversight calendar lunar: 1899-12-31 is outside 1900-01-01..2100-12-31, the range of the calendar")]
    [InlineData(new[] { "calendar", "tet", "--from", "2026", "--to", "2025" }, "oversight calendar tet: --to 2025 is before --from 2026")]
    [InlineData(new[] { "calendar", "months", "--from", "2026", "--to", "2025" }, "oversight calendar months: --to 2025 is before --from 2026")]
    [InlineData(new[] { "calendar", "months", "--from", "1899", "--to", "1900" }, "oversight calendar months: --from '1899' is not a year from 1900 to 2100")]
    [InlineData(new[] { "calendar", "months", "--from", "2000", "--to", "2101" }, "oversight calendar months: --to '2101' is not a year from 1900 to 2100")]
    [InlineData(new[] { "calendar", "months", "--to", "2000" }, "oversight calendar months: --from is required")]
    [InlineData(new[] { "calendar", "months", "--from", "two", "--to", "2000" }, "oversight calendar months: --from 'two' is not a year from 1900 to 2100")]
    [InlineData(new[] { "calendar", "holidays" }, "oversight calendar holidays: --year is required")]
    [InlineData(new[] { "calendar", "add-working-days", "2025-01-01", "-1" }, "oversight calendar add-working-days: N '-1' is not a whole number of days, 0 or more")]
    [InlineData(new[] { "calendar", "add-working-days", "2100-12-30", "5" }, "oversight calendar add-working-days: 5 working days after 2100-12-30 is past 2100-12-31, the end of the calendar")]
    public async Task Bad_arguments_exit_1_with_the_reason(string[] args, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var result = await RunAsync(database, args);

        Assert.Equal((1, "", expected), (result.ExitCode, result.Output, result.Error.Trim()));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_load_schedule_prints_what_changed_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = ImportTesting.WriteTempFile("schedule-2025.json", HolidayScheduleLoaderTests.Corrected2025);

        var first = await RunAsync(database, "calendar", "load-schedule", file);
        var second = await RunAsync(database, "calendar", "load-schedule", file);
        var days = await RunAsync(database, "calendar", "add-working-days", "2025-08-29", "1");

        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal(
            $"""
            {file}: year 2025 loaded, replacing the shipped schedule; 5 day(s) changed.
            - 2025-08-30 day off: Quốc khánh
            - 2025-08-31 day off: Quốc khánh
            - 2025-09-01 day off: Quốc khánh
            + 2025-09-03 day off: Quốc khánh
            + 2025-09-06 working day: Làm bù cho thứ Tư 3/9

            """,
            first.Output);
        Assert.Equal((0, $"{file}: year 2025 unchanged; the database already holds this schedule.\n"), (second.ExitCode, second.Output));
        Assert.Equal("2025-09-01\n", days.Output);
    }

    [Fact]
    public async Task Calendar_load_schedule_with_errors_exits_1_names_file_and_field_and_loads_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = ImportTesting.WriteTempFile("schedule-2025.json", """{ "year": 2025, "source": "x", "daysOff": [ { "from": "2025-09-02", "to": "2025-09-01", "name": "Quốc khánh" } ], "extra": 1 }""");

        var result = await RunAsync(database, "calendar", "load-schedule", file);
        var holidays = await RunAsync(database, "calendar", "holidays", "--year", "2025");

        Assert.Equal((1, ""), (result.ExitCode, result.Output));
        Assert.Equal([$"{file}: extra: line 1: unknown field", $"{file}: 1 error(s); nothing was loaded."], result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2025-09-01 Quốc khánh", holidays.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
