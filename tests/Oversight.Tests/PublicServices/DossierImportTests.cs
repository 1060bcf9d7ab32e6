using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.PublicServices;

/// <summary>
/// Dossiers come from the public-service portal's export: an import adds and corrects them by dossier code, all or
/// nothing, audited as one entry; the public-service indicators count them through the facts kept with them.
/// </summary>
public sealed class DossierImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Header =
        "dossier_code,procedure_code,procedure_name,field,level,unit,channel,online_service,received_on,due_on,completed_on,result,e_result,digitised,paid_online,satisfaction";

    /// <summary>August 2024 in Chương Mỹ: two dossiers at district level, four at commune level.</summary>
    private const string August =
        Header + "\n"
        + "H26-001,1.004227,Cấp giấy phép xây dựng,Xây dựng,district,277,online,full,2024-08-01,2024-08-15,2024-08-14,approved,yes,yes,yes,4\n"
        + "H26-002,1.004227,Cấp giấy phép xây dựng,Xây dựng,district,277,in-person,full,2024-08-02,2024-08-16,2024-08-20,approved,no,yes,no,\n"
        + "X60-001,1.001612,Đăng ký khai sinh,Hộ tịch,commune,10060,online,full,2024-08-05,2024-08-06,2024-08-06,approved,yes,yes,yes,5\n"
        + "X72-001,1.001612,Đăng ký khai sinh,Hộ tịch,commune,10072,in-person,partial,2024-08-05,2024-08-06,2024-08-09,approved,yes,no,no,3\n"
        + "X63-001,2.000908,Chứng thực bản sao,Chứng thực,commune,10063,online,partial,2024-08-20,2024-08-21,,,no,no,no,\n"
        + "X21-001,2.000908,Chứng thực bản sao,Chứng thực,commune,10021,postal,none,2024-08-22,2024-08-23,2024-08-23,withdrawn,no,no,no,\n";

    private static readonly DateOnly From = new(2024, 8, 1);
    private static readonly DateOnly To = new(2024, 8, 31);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_export_is_added_once_audited_as_one_entry_and_counted_by_the_indicators(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var auditBefore = await database.AuditEntryCountAsync();

        var first = await database.ImportCsvAsync("dossiers", August);

        first.AssertSucceeded();
        Assert.Equal((6, 0, 0), (first.Tally("dossiers").Created, first.Tally("dossiers").Updated, first.Tally("dossiers").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());
        await using (var scope = database.SystemScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.OrderBy(e => e.Id).LastAsync(Cancel);
            Assert.Equal(("import", "Dossier", "dossiers.csv"), (entry.Action, entry.EntityType, entry.EntityId));
            Assert.Contains("\"added\":6", entry.After, StringComparison.Ordinal);
            Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(August))), entry.After, StringComparison.Ordinal);
        }

        var values = await ValuesAsync(database);
        Assert.Equal((6L, (long?)null), values["PUB.DOSSIERS"]);
        Assert.Equal((3L, 6L), values["PUB.ONLINE"]);
        Assert.Equal((1L, 2L), values["PUB.ONLINE-DISTRICT"]);
        Assert.Equal((2L, 4L), values["PUB.ONLINE-COMMUNE"]);
        Assert.Equal((2L, 6L), values["PUB.FULLY-ONLINE"]);
        Assert.Equal((3L, 5L), values["PUB.ON-TIME"]);
        Assert.Equal((1L, (long?)null), values["PUB.OVERDUE"]);
        Assert.Equal((3L, 5L), values["PUB.E-RESULTS"]);
        Assert.Equal((3L, 6L), values["PUB.DIGITISED"]);
        Assert.Equal((12L, 3L), values["PUB.SATISFACTION"]);

        // The same file again changes nothing and audits nothing; a newer export with the open dossier completed corrects it.
        var again = await database.ImportCsvAsync("dossiers", August);
        Assert.Equal((0, 0, 6), (again.Tally("dossiers").Created, again.Tally("dossiers").Updated, again.Tally("dossiers").Unchanged));
        Assert.Equal(auditBefore + 1, await database.AuditEntryCountAsync());

        var corrected = await database.ImportCsvAsync("dossiers", August.Replace("2024-08-20,2024-08-21,,,no", "2024-08-20,2024-08-21,2024-08-21,approved,yes", StringComparison.Ordinal));
        Assert.Equal((0, 1, 5), (corrected.Tally("dossiers").Created, corrected.Tally("dossiers").Updated, corrected.Tally("dossiers").Unchanged));
        Assert.Equal(auditBefore + 2, await database.AuditEntryCountAsync());
        values = await ValuesAsync(database);
        Assert.Equal((0L, (long?)null), values["PUB.OVERDUE"]);
        Assert.Equal((4L, 6L), values["PUB.ON-TIME"]);

        await using var check = database.SystemScope();
        var differences = await check.ServiceProvider.GetRequiredService<IndicatorFacts>().CheckAsync(
            check.ServiceProvider.GetRequiredService<OversightDbContext>(), IndicatorPeriod.Of(From, To, VietnamTime.Today(database.Time)), null, Cancel);
        Assert.True(differences.Count == 0, string.Join("; ", differences.Take(5).Select(d => $"{d.Quantity} {d.Owner} kept {d.Kept} recounted {d.Recounted}")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_with_any_wrong_row_writes_nothing_and_names_each_row_and_column(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var auditBefore = await database.AuditEntryCountAsync();
        var csv = August
            + "H26-001,1.004227,Cấp giấy phép xây dựng,Xây dựng,district,277,online,full,2024-08-03,2024-08-15,,,no,no,no,\n"
            + "X99-001,1.001612,Đăng ký khai sinh,Hộ tịch,commune,99999,online,full,2024-08-05,2024-08-06,,,no,no,no,\n"
            + "H26-003,1.004227,Cấp giấy phép xây dựng,Xây dựng,district,10072,online,full,2025-08-05,2025-08-06,,,no,no,no,\n"
            + "X60-002,1.001612,Đăng ký khai sinh,Hộ tịch,commune,10060,online,full,2024-08-05,2024-08-04,2024-08-06,,no,no,no,7\n";

        var result = await database.ImportCsvAsync("dossiers", csv);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(8, "dossier_code"), (9, "unit"), (10, "level"), (11, "due_on"), (11, "result"), (11, "satisfaction")],
            result.Places());
        Assert.Contains("H26-001 is also on row 2", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(auditBefore, await database.AuditEntryCountAsync());
        await using (var scope = database.SystemScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Dossiers.CountAsync(Cancel));
        }

        // Nothing of the refused import is left behind: the file without its wrong rows imports whole.
        Assert.Equal(6, (await database.ImportCsvAsync("dossiers", August)).Tally("dossiers").Created);
    }

    [Fact]
    public async Task An_officer_imports_only_the_dossiers_of_units_in_scope()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = (await database.GraphAsync()).Find("10060", From)!.Id;

        var result = await database.ImportCsvAsync("dossiers", August, ("officer.totdong", totDong));

        Assert.Equal([(2, "unit"), (3, "unit"), (5, "unit"), (6, "unit"), (7, "unit")], result.Places());
        Assert.Empty(result.Tallies);
    }

    [Fact]
    public async Task The_register_lists_the_dossiers_of_the_callers_scope_by_state_on_the_api_and_the_page()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestUnits.AddChuongMyFragmentAsync(database);
        (await database.ImportCsvAsync("dossiers", August)).AssertSucceeded();
        await using var factory = new OversightWebFactory(database);
        var district = await factory.CreateApiClientAsync("officer.chuongmy", Roles.Officer, "277", From);
        var commune = await factory.CreateApiClientAsync("officer.totdong", Roles.Officer, "10060", From);

        var overdue = await district.GetFromJsonAsync<JsonElement>("/api/v1/units/277/dossiers?asOf=2024-08-31&state=overdue", Cancel);
        var all = await district.GetFromJsonAsync<JsonElement>("/api/v1/units/277/dossiers?asOf=2024-08-31&pageSize=4", Cancel);
        var outOfScope = await commune.GetAsync("/api/v1/units/277/dossiers?asOf=2024-08-31", Cancel);
        var wrongState = await district.GetAsync("/api/v1/units/277/dossiers?state=late-ish", Cancel);

        Assert.Equal(["X63-001"], overdue.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.Equal(["X21-001", "X63-001", "X72-001", "X60-001"], all.GetProperty("dossiers").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.True(all.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongState.StatusCode);

        var session = await PageSession.SignInAsync(factory, "officer.chuongmy");
        var (status, page) = await session.GetAsync("/dossiers?unit=277&asOf=2024-08-31&state=late");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["X72-001", "H26-002"], page.QuerySelectorAll("table.dossiers tbody th").Select(th => th.TextContent.Trim()));
    }

    private static async Task<IReadOnlyDictionary<string, (long Numerator, long? Denominator)>> ValuesAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var engine = scope.ServiceProvider.GetRequiredService<IndicatorEngine>();
        var indicators = engine.Catalog.Indicators.Where(i => i.Area == IndicatorArea.PublicServices).ToList();
        var values = await engine.ForUnitAsync("277", From, To, IndicatorStructure.AsOf, indicators, Cancel);
        return values!.Values.ToDictionary(v => v.Definition.Code, v => (v.Numerator, v.Denominator));
    }
}
