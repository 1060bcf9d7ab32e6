using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

/// <summary>Runs imports against a test database and makes the files they read.</summary>
internal static class ImportTesting
{
    /// <summary>
    /// Hà Nội › Huyện Chương Mỹ with code 10096 reused: Xã Đồng Phú until 31 Dec 2024, Xã Hồng Phú from 1 Jan 2025,
    /// each with its Party committee; Xã Lam Điền with a Party branch and its People's Committee.
    /// </summary>
    public const string ChuongMyUnits =
        """
        code,name,kind,parent,valid_from,valid_to
        01,Thành phố Hà Nội,province,,,
        277,Huyện Chương Mỹ,district,01,,2025-06-30
        10096,Xã Đồng Phú,commune,277,,2024-12-31
        10096,Xã Hồng Phú,commune,277,2025-01-01,2025-06-30
        10096-DU,Đảng ủy xã Đồng Phú,party-committee,10096,2020-10-01,2024-12-31
        10096-DU,Đảng ủy xã Hồng Phú,party-committee,10096,2025-01-01,2025-06-30
        10063,Xã Lam Điền,commune,277,,2025-06-30
        10063-CB01,Chi bộ thôn Đồng Tiến,party-branch,10063,2010-01-01,2025-06-30
        10063-UBND,Ủy ban nhân dân xã Lam Điền,peoples-committee,10063,2010-01-01,2025-06-30
        """;

    public static Stream Utf8(string text, bool byteOrderMark = false) =>
        new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text));

    /// <summary>Writes rows (the first is the header) to the first sheet of an XLSX file, as a spreadsheet user would.</summary>
    public static string WriteXlsx(IReadOnlyList<object?[]> rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "oversight-tests", $"{Guid.NewGuid():N}.xlsx");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = rows.Skip(1).Select(row =>
        {
            var cells = new Dictionary<string, object?>();
            for (var i = 0; i < rows[0].Length; i++)
            {
                cells[(string)rows[0][i]!] = row[i];
            }

            return cells;
        }).ToArray();
        MiniExcel.SaveAs(path, data);
        return path;
    }

    public static string WriteTempFile(string name, string text)
    {
        var directory = Path.Combine(Path.GetTempPath(), "oversight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public static Task<ImportResult> ImportUnitsAsync(this TestDatabase database, string csv, bool dryRun = false) =>
        database.ImportAsync<UnitImport>("units.csv", Utf8(csv), dryRun);

    public static Task<ImportResult> ImportPeopleAsync(this TestDatabase database, string csv, bool dryRun = false) =>
        database.ImportAsync<PeopleImport>("people.csv", Utf8(csv), dryRun);

    public static async Task<ImportResult> ImportAsync<TImport>(this TestDatabase database, string fileName, Stream content, bool dryRun = false)
        where TImport : SpreadsheetImport
    {
        await using var scope = database.SystemScope("importer");
        await using (content)
        {
            return await scope.ServiceProvider.GetRequiredService<TImport>().ImportAsync(fileName, content, dryRun, cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Imports a CSV through the catalog, as the system or as a user scoped to a unit.</summary>
    public static async Task<ImportResult> ImportCsvAsync(this TestDatabase database, string name, string csv, (string Name, Guid Unit)? user = null)
    {
        await using var scope = user is { } officer ? database.UserScope(officer.Name, Roles.Officer, officer.Unit) : database.SystemScope("importer");
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(name)!;
        await using var content = ImportTesting.Utf8(csv);
        return await import.ImportAsync($"{name}.csv", content, dryRun: false, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Imports an XLSX file through the catalog, as the system.</summary>
    public static async Task<ImportResult> ImportXlsxAsync(this TestDatabase database, string name, string path)
    {
        await using var scope = database.SystemScope("importer");
        await using var content = File.OpenRead(path);
        return await scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(name)!.ImportAsync($"{name}.xlsx", content, dryRun: false, cancellationToken: TestContext.Current.CancellationToken);
    }

    public static async Task<int> AuditEntryCountAsync(this TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.CountAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<UnitGraph> GraphAsync(this TestDatabase database)
    {
        await using var scope = database.SystemScope();
        return await scope.ServiceProvider.GetRequiredService<UnitDirectory>().GraphAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The (row, column) of every error, for comparing with what a test expects.</summary>
    public static (int Row, string? Column)[] Places(this ImportResult result) =>
        result.Errors.Select(e => (e.Row, e.Column)).OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToArray();

    public static void AssertSucceeded(this ImportResult result) =>
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));

    public static ImportTally Tally(this ImportResult result, string records) => Assert.Single(result.Tallies, t => t.Records == records);
}
