using Oversight.Cli;
using Oversight.Data;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Rules;

/// <summary>The <c>rules</c> commands of the CLI, run in-process against a test database, with their exact output.</summary>
public sealed class RuleCommandsTests
{
    private const string Pack2027 =
        """
        {
          "id": "test-2027",
          "title": "Gói thử nghiệm",
          "effectiveFrom": "2027-01-01",
          "rules": {
            "complaint.accept": { "value": 7, "unit": "working-days", "citation": "Luật thử nghiệm, Điều 1", "verified": true }
          }
        }
        """;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rules_list_prints_the_value_in_force_on_the_day_with_its_pack_and_marks_unverified_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var before = await RunAsync(database, "rules", "list", "--on", "2026-06-30");
        var after = await RunAsync(database, "rules", "list", "--on", "2026-07-01");
        var today = await RunAsync(database, "rules", "list");

        Assert.Equal((0, ""), (before.ExitCode, before.Error));
        Assert.Contains("reception.committee-chairman.commune\t1\tdays-per-week\t", before.Output, StringComparison.Ordinal);
        Assert.Contains("reception.committee-chairman.commune\t2\tdays-per-month\tLuật số 136/2025/QH15 sửa đổi Luật Tiếp công dân\treception-2026-07\tunverified\n", after.Output, StringComparison.Ordinal);
        Assert.Contains("complaint.accept\t10\tcalendar-days\tLuật Khiếu nại 2011, Điều 27\tcitizens-2012\tunverified\n", today.Output, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rules_load_takes_effect_from_its_date_and_a_second_load_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Pack2027, TestContext.Current.CancellationToken);
        try
        {
            var first = await RunAsync(database, "rules", "load", file);
            var second = await RunAsync(database, "rules", "load", file);
            var in2026 = await RunAsync(database, "rules", "list", "--on", "2026-12-31");
            var in2027 = await RunAsync(database, "rules", "list", "--on", "2027-01-01");

            Assert.Equal((0, $"{file}: pack test-2027 loaded; 1 rule(s) from 2027-01-01.\n"), (first.ExitCode, first.Output));
            Assert.Equal((0, $"{file}: pack test-2027 unchanged; the database already holds this file.\n"), (second.ExitCode, second.Output));
            Assert.Contains("complaint.accept\t10\tcalendar-days\t", in2026.Output, StringComparison.Ordinal);
            Assert.Contains("complaint.accept\t7\tworking-days\tLuật thử nghiệm, Điều 1\ttest-2027\n", in2027.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Rules_load_names_the_file_and_field_of_every_error_and_loads_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Pack2027.Replace("\"working-days\"", "\"days\"").Replace("\"Luật thử nghiệm, Điều 1\"", "\"\""), TestContext.Current.CancellationToken);
        try
        {
            var result = await RunAsync(database, "rules", "load", file);
            var list = await RunAsync(database, "rules", "list", "--on", "2027-01-01");

            Assert.Equal((1, ""), (result.ExitCode, result.Output));
            Assert.Equal(
                [
                    $"{file}: rules.complaint.accept.unit: 'days' is not one of: calendar-days, working-days, days-per-week, days-per-month, years, count, names",
                    $"{file}: rules.complaint.accept.citation: every value needs its legal citation",
                    $"{file}: 2 error(s); nothing was loaded.",
                ],
                result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.DoesNotContain("test-2027", list.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
