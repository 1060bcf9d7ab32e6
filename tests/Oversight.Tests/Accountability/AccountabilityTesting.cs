using Oversight.Cli;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Accountability;

/// <summary>The Chương Mỹ fragment with two people and two directives, and the ways tests import into it.</summary>
internal static class AccountabilityTesting
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A member of Chi bộ thôn Đồng Tiến since 2010, and a probationary member there since 2024.</summary>
    public const string People =
        """
        code,full_name,gender,birth_date,party_joined,party_official,party_branch,party_branch_from,position_unit,position_title,leadership,sensitive_field,position_from,position_to
        CM-0001,Nguyễn Văn An,male,1975-02-01,2010-05-01,2011-05-01,10063-CB01,,10063-UBND,Phó Chủ tịch,yes,land,2020-01-01,
        CM-0002,Trần Thị Bình,female,1995-06-01,2024-01-15,,10063-CB01,,,,,,,
        """;

    public const string Directives =
        """
        symbol,issuing_unit,issuing_body,issued_on,title,summary,dissemination_due_on,applied_with
        39-CT/HU,277,Ban Thường vụ Huyện ủy Chương Mỹ,2023-08-25,Về thực hiện Chỉ thị 24-CT/TU,,2023-09-30,24-CT/TU
        24-CT/TU,,Ban Thường vụ Thành ủy Hà Nội,2023-08-07,"Về tăng cường kỷ luật, kỷ cương, trách nhiệm trong giải quyết công việc",,,
        """;

    public static async Task<TestDatabase> DatabaseWithPeopleAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits + "\n277-HU-UBKT,Ủy ban Kiểm tra Huyện ủy Chương Mỹ,party-committee,277,2010-01-01,2025-06-30")).AssertSucceeded();
        (await database.ImportPeopleAsync(People)).AssertSucceeded();
        return database;
    }

    public static async Task<TestDatabase> DatabaseWithDirectivesAsync(DatabaseProvider provider)
    {
        var database = await DatabaseWithPeopleAsync(provider);
        (await database.ImportCsvAsync("directives", Directives)).AssertSucceeded();
        return database;
    }

    public static async Task<Guid> UnitIdAsync(this TestDatabase database, string code) =>
        await Petitions.PetitionRecords.UnitIdAsync(database, code, new DateOnly(2024, 1, 1));

    /// <summary>Runs the command line against the database.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(this TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
