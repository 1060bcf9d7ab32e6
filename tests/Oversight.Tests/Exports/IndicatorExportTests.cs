using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Exports;

/// <summary>
/// <c>GET /indicators/export</c>: a unit's indicator table as XLSX or CSV for a signed-in reader, the partial shares of
/// today's structure as rows of their own, not found outside the reader's scope, a bad parameter named.
/// </summary>
public sealed class IndicatorExportTests
{
    private const string Inspector = "inspector-hanoi";
    private const string Officer = "officer-totdong";
    private const string PartialLamDien = "Xã Lam Điền (10063) — chỉ một phần thuộc Xã Quảng Bị";
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_table_lists_every_indicator_of_the_unit_and_the_partial_shares_apart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var inspector = await PageSession.SignInAsync(factory, Inspector);
        IReadOnlyList<IndicatorValue> expected;
        await using (var scope = database.SystemScope())
        {
            expected = (await scope.ServiceProvider.GetRequiredService<IndicatorEngine>().ForUnitAsync("10072", new(2024, 1, 1), new(2025, 12, 31), IndicatorStructure.Today, cancellationToken: Cancel))!.Values;
        }

        var (fileName, content) = await ExportFiles.DownloadAsync(
            inspector.Client, "/indicators/export?unit=10072&from=2024-01-01&to=2025-12-31&structure=today&format=xlsx", ExportFiles.Xlsx);
        var today = await ExportFiles.ReadXlsxAsync(content);
        var english = await ExportFiles.CsvAsync(inspector, "/indicators/export?unit=10072&from=2024-01-01&to=2025-12-31&structure=today&format=csv&culture=en-GB");
        var asOf = await ExportFiles.CsvAsync(inspector, "/indicators/export?unit=10072&from=2024-01-01&to=2024-12-31&format=csv");

        var count = expected.Count;
        Assert.Equal("indicators-10072-2024-01-01-2025-12-31.xlsx", fileName);
        Assert.Equal(["Số liệu của", "Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị tính", "Tử số", "Mẫu số", "Giá trị", "Mục tiêu"], today.Headers);
        Assert.Equal(2 * count, today.Rows.Count);
        Assert.Equal([.. Enumerable.Repeat("Xã Quảng Bị (10072)", count), .. Enumerable.Repeat(PartialLamDien, count)], today.Column("Số liệu của"));
        Assert.Equal(expected.Select(v => (object?)v.Definition.Code), today.Column("Mã chỉ tiêu").Take(count));
        Assert.Equal(expected.Select(v => (object?)(double)v.Numerator), today.Column("Tử số").Take(count));
        Assert.Equal(expected.Select(v => (object?)(double?)v.Denominator), today.Column("Mẫu số").Take(count));

        // Tốt Động's complaint, resolved, and Hợp Đồng's, under consideration, are Quảng Bị's; Lam Điền's two stay apart.
        var complaints = Row(today, "CIT.COMPLAINTS");
        var resolved = Row(today, "CIT.RESOLVED-WITHIN-JURISDICTION");
        var lamDien = today.Rows[count + Array.IndexOf(today.Column("Mã chỉ tiêu"), "CIT.COMPLAINTS")];
        Assert.Equal(["số lượng", 2d, null, 2d], complaints.Row[3..7]);
        Assert.Equal(["Tỷ lệ giải quyết vụ việc thuộc thẩm quyền", "%", 1d, 2d, 50d, 85d], resolved.Row[2..8]);
        Assert.Equal([PartialLamDien, "CIT.COMPLAINTS", 2d], [lamDien[0], lamDien[1], lamDien[4]]);
        Assert.Equal("built-in 3", ExportFiles.XlsxCell(content, $"G{complaints.Number}").Format);
        Assert.Equal("built-in 4", ExportFiles.XlsxCell(content, $"G{resolved.Number}").Format);

        Assert.Equal(["Records of", "Code", "Indicator", "Unit", "Numerator", "Denominator", "Value", "Target"], english.Headers);
        Assert.Equal(["Xã Quảng Bị (10072)", "CIT.RESOLVED-WITHIN-JURISDICTION", "Cases within jurisdiction resolved", "%", "1", "2", "50", "85"], Row(english, "CIT.RESOLVED-WITHIN-JURISDICTION").Row);
        Assert.Contains("Xã Lam Điền (10063) — only partly within Xã Quảng Bị", english.Column("Records of"));

        // As the period stood, 10072 was Xã Hợp Đồng alone, and nothing was split.
        Assert.Equal(count, asOf.Rows.Count);
        Assert.Equal(["Xã Hợp Đồng (10072)", "1"], [Row(asOf, "CIT.COMPLAINTS").Row[0], Row(asOf, "CIT.COMPLAINTS").Row[4]]);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_export_is_not_found_outside_the_scope_names_each_bad_parameter_and_asks_a_stranger_to_sign_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var officer = await PageSession.SignInAsync(factory, Officer);
        var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var own = await ExportFiles.CsvAsync(officer, "/indicators/export?unit=10060&from=2024-01-01&to=2024-06-30&format=csv");
        var (foreign, _) = await officer.GetAsync("/indicators/export?unit=10021&from=2024-01-01&to=2024-06-30&format=csv");
        var (unknown, _) = await officer.GetAsync("/indicators/export?unit=99999&from=2024-01-01&to=2024-06-30&format=csv");
        var bad = await ProblemAsync(officer, "/indicators/export?unit=10060&from=2024-02-30&to=2024-06-30&structure=sideways&format=pdf");
        var missing = await ProblemAsync(officer, "/indicators/export?from=2024-06-30&to=2024-01-01");
        using var anonymous = await stranger.GetAsync("/indicators/export?unit=10060&from=2024-01-01&to=2024-06-30&format=csv", Cancel);

        Assert.Equal("Xã Tốt Động (10060)", own.Column("Số liệu của")[0]);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (foreign, unknown));
        Assert.Equal("Không lập được bảng chỉ tiêu với các tham số này.", bad.GetProperty("title").GetString());
        Assert.Equal(
            ["from phải là ngày dạng năm-tháng-ngày, ví dụ 2024-07-19.", "structure phải là một trong: asOf, today.", "format phải là một trong: xlsx, csv."],
            [Message(bad, "from"), Message(bad, "structure"), Message(bad, "format")]);
        Assert.Equal(["Thiếu tham số unit.", "to (ngày cuối) không được sớm hơn from (ngày đầu).", "Thiếu tham số format."], [Message(missing, "unit"), Message(missing, "to"), Message(missing, "format")]);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery);
    }

    /// <summary>The row of an indicator among the unit's own rows, and its number in the sheet (the header is row 1).</summary>
    private static (object?[] Row, int Number) Row(ExportedTable table, string code)
    {
        var index = Array.IndexOf(table.Column(table.Headers[1]), code);
        return (table.Rows[index], index + 2);
    }

    private static async Task<JsonElement> ProblemAsync(PageSession session, string url)
    {
        using var response = await session.Client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
    }

    private static string? Message(JsonElement problem, string parameter) => problem.GetProperty("errors").GetProperty(parameter)[0].GetString();

    /// <summary>
    /// The Chương Mỹ fragment with complaints of 2024 in Tốt Động (resolved within jurisdiction), Hợp Đồng (under
    /// consideration) and two in Lam Điền, split in 2025 between Quảng Bị and Bình Minh; an inspector of Hà Nội and
    /// an officer of Tốt Động.
    /// </summary>
    private static async Task<OversightWebFactory> FactoryAsync(TestDatabase database)
    {
        await TestUnits.AddChuongMyFragmentAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var lamDien = await UnitIdAsync(database, "10063", InspectionDay);
        await AddAsync(database,
            Case(totDong, new(2024, 1, 5), CaseStatus.Resolved, CaseKind.Complaint, withinJurisdiction: true, acceptedOn: new(2024, 1, 8), dueOn: new(2024, 2, 8), closedOn: new(2024, 2, 1)),
            Case(hopDong, new(2024, 3, 3), CaseStatus.UnderConsideration, CaseKind.Complaint, withinJurisdiction: true, acceptedOn: new(2024, 3, 5), dueOn: new(2024, 4, 5)),
            Case(lamDien, new(2024, 3, 1), kind: CaseKind.Complaint),
            Case(lamDien, new(2024, 3, 2), kind: CaseKind.Complaint));
        var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Inspector, Roles.Inspector, "01");
        await factory.AddUserAsync(Officer, Roles.Officer, "10060", InspectionDay);
        return factory;
    }
}
