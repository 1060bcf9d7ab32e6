using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Tests.Accountability;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Indicators;

public sealed class ClaimImportTests
{
    private const string Header = "reference,unit,from,to,indicator,description,value,comparison,numerator,denominator,source";

    private const string Claims =
        Header + "\n"
        + "BC-01,277,2023-08-01,2024-05-31,CIT.SECRETARY-RESOLVED,\"Giải quyết 18/22 vụ việc, đạt 81,1%\",\"81,1%\",,18,22,Báo cáo 215-BC/HU tr. 4\n"
        + "BC-02,277,2023-08-01,2023-09-30,DIS.MEMBERS-REACHED,\"Quán triệt đến hơn 11.300 cán bộ, đảng viên\",11.300,more-than,,,Báo cáo 215-BC/HU tr. 2\n"
        + "BC-03,10063,2024-01-01,2024-06-30,,Tỷ lệ hồ sơ trực tuyến cấp xã,\"49,58%\",,,,Báo cáo của UBND xã\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Claims_are_imported_once_corrected_by_register_number_and_audited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();

        var first = await database.ImportCsvAsync("claims", Claims);
        var again = await database.ImportCsvAsync("claims", Claims);
        var corrected = await database.ImportCsvAsync("claims", Claims.Replace("\"81,1%\"", "\"81,8%\"", StringComparison.Ordinal));

        first.AssertSucceeded();
        Assert.Equal((3, 0, 0), (first.Tallies[0].Created, first.Tallies[0].Updated, first.Tallies[0].Unchanged));
        Assert.Equal((0, 0, 3), (again.Tallies[0].Created, again.Tallies[0].Updated, again.Tallies[0].Unchanged));
        Assert.Equal((0, 1, 2), (corrected.Tallies[0].Created, corrected.Tallies[0].Updated, corrected.Tallies[0].Unchanged));
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var claims = await db.ReportedFigures.OrderBy(c => c.Reference).ToListAsync(Cancel);
        Assert.Equal(["81,8%", "11.300", "49,58%"], claims.Select(c => c.Written));
        Assert.Equal((18L, 22L), (claims[0].StatedNumerator!.Value, claims[0].StatedDenominator!.Value));
        Assert.Equal((ClaimComparison.MoreThan, (string?)null), (claims[1].Comparison, claims[2].IndicatorCode));
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(ReportedFigure), Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_bad_rows_names_each_problem_and_imports_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var file = Header + "\n"
            + "BC-01,277,2023-08-01,2024-05-31,CIT.SECRETARY-RESOLVED,Đạt 81,\"81,1%\",,18,22,Báo cáo\n"
            + "BC-02,277,2023-08-01,2024-05-31,CIT.NOPE,Số liệu,12,,,,Báo cáo\n"
            + "BC-03,277,2023-08-01,2024-05-31,CIT.DIALOGUES,Số liệu,45%,,,,Báo cáo\n"
            + "BC-04,277,2023-08-01,2024-05-31,CIT.SECRETARY-RESOLVED,Số liệu,about 80%,,,,Báo cáo\n"
            + "BC-05,277,2023-08-01,2024-05-31,CIT.SECRETARY-RESOLVED,Số liệu,\"81,8%\",,18,,Báo cáo\n"
            + "BC-06,277,2024-05-31,2023-08-01,CIT.DIALOGUES,Số liệu,45,,,,Báo cáo\n"
            + "BC-07,277,2023-08-01,2024-05-31,CIT.SECRETARY-RESOLVED,Số liệu,\"81,8%\",,23,22,Báo cáo\n"
            + "BC-08,277,2023-08-01,2024-05-31,CIT.DIALOGUES,Số liệu,45,,,,\n";

        var result = await database.ImportCsvAsync("claims", file);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(3, "indicator"), (4, "value"), (5, "value"), (6, "denominator"), (7, "to"), (8, "numerator"), (9, "source")],
            result.Places().Select(p => (p.Row, p.Column)));
        Assert.Contains(result.Errors, e => e.ToString() == "claims.csv:3: column indicator: no indicator has code CIT.NOPE");
        Assert.Contains(result.Errors, e => e.ToString() == "claims.csv:4: column value: indicator CIT.DIALOGUES is a count; write the value without %");
        Assert.Contains(result.Errors, e => e.ToString() == "claims.csv:5: column value: 'about 80%' is not a figure as reports write it (81,1% or 11.300)");
        await using var scope = database.SystemScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ReportedFigures.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_records_claims_only_for_units_in_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var lamDien = await database.UnitIdAsync("10063");

        var result = await database.ImportCsvAsync("claims", Claims, ("officer.lamdien", lamDien));

        Assert.Equal([(2, "unit"), (3, "unit")], result.Places().Select(p => (p.Row, p.Column)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correction_of_a_claim_made_on_a_copy_read_before_someone_elses_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await database.ImportUnitsAsync(ImportTesting.ChuongMyUnits)).AssertSucceeded();
        var claim = new ClaimRequest("BC-01", "277", "2023-08-01", "2024-05-31", "CIT.SECRETARY-RESOLVED", "Giải quyết 18/22 vụ việc", "81,1%", null, 18, 22, "Báo cáo 215-BC/HU");

        await StaleEdit.Of(
            s => s.GetRequiredService<ReportedFigures>().CreateAsync(claim, Cancel),
            (s, id, version, stamp) => s.GetRequiredService<ReportedFigures>().UpdateAsync(id, claim with { Source = $"Báo cáo 215-BC/HU, tr. {version}" }, stamp, Cancel),
            (db, id) => db.ReportedFigures.Where(c => c.Id == id).Select(c => (string?)c.Source).SingleAsync(Cancel))
            .AssertRefusedAsync(database);
    }
}
