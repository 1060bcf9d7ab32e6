using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Tests.Accountability;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;
using static Oversight.Tests.Petitions.PetitionRecords;

namespace Oversight.Tests.Exports;

/// <summary>
/// The registers' downloads, followed from the links on their pages as the district leader and a commune officer:
/// every row the filters match, within the reader's scope, under the page's headers, never a denouncer.
/// </summary>
public sealed class RegisterExportTests
{
    private const string Leader = "leader-chuongmy";
    private const string Officer = "officer-totdong";
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_accountability_registers_export_every_matching_row_in_the_readers_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        var leader = await PageSession.SignInAsync(factory, Leader);
        var officer = await PageSession.SignInAsync(factory, Officer);

        var (_, inspectionsPage) = await leader.GetAsync("/inspections");
        var (_, secondPage) = await leader.GetAsync("/inspections?kind=surprise&p=2");
        var links = ExportFiles.Links(inspectionsPage);
        var (fileName, content) = await ExportFiles.DownloadAsync(leader.Client, links[0], ExportFiles.Xlsx);
        var inspections = await ExportFiles.ReadXlsxAsync(content);
        var inspectionsCsv = await ExportFiles.CsvAsync(leader, links[1]);

        Assert.Equal(["/inspections?handler=export&file=xlsx", "/inspections?handler=export&file=csv"], links);
        Assert.Equal(["Tải về XLSX", "Tải về CSV"], inspectionsPage.QuerySelectorAll("p.exports a").Select(PageText.Of));
        Assert.Empty(ExportFiles.Links(secondPage));
        Assert.Equal("inspections-2026-11-25.xlsx", fileName);
        Assert.Equal(["Số hiệu", "Ngày quyết định", "Hình thức", "Trích yếu", "Cơ quan quyết định", "Đối tượng", "Ngày kết luận", "Nhiệm vụ"], inspections.Headers);
        Assert.Equal(["GS-01", "KT-01"], inspections.Column("Số hiệu"));
        Assert.Equal(["Giám sát", "Kiểm tra đột xuất"], inspections.Column("Hình thức"));
        Assert.Equal([new DateTime(2023, 12, 1), new DateTime(2023, 11, 1)], inspections.Column("Ngày quyết định"));
        Assert.Equal([null, new DateTime(2024, 7, 19)], inspections.Column("Ngày kết luận"));
        Assert.Equal([3d, 2d], inspections.Column("Đối tượng"));
        Assert.Equal([0d, 3d], inspections.Column("Nhiệm vụ"));
        Assert.Equal(["2023-12-01", "2023-11-01"], inspectionsCsv.Column("Ngày quyết định"));

        var leaderTasks = await ExportFiles.CsvAsync(leader, "/tasks?handler=export&file=csv");
        var officerTasks = await ExportFiles.CsvAsync(officer, "/tasks?handler=export&file=csv");
        Assert.Equal(["NV-03", "NV-02", "NV-01"], leaderTasks.Column("Số hiệu"));
        Assert.Equal(["Không", "Có", "Không"], leaderTasks.Column("Quá hạn"));
        Assert.Equal(["Xã Lam Điền", "Xã Phụng Châu", "Xã Tốt Động"], leaderTasks.Column("Đơn vị thực hiện"));
        Assert.Equal(["NV-01"], officerTasks.Column("Số hiệu"));
        Assert.Equal(["2024-09-15"], officerTasks.Column("Ngày hoàn thành"));

        var standing = await ExportFiles.CsvAsync(leader, "/discipline?body=standing-committee&handler=export&file=csv");
        var officerDecisions = await ExportFiles.XlsxAsync(officer, "/discipline?handler=export&file=xlsx");
        var planning = await ExportFiles.XlsxAsync(leader, "/moves?reason=planning&handler=export&file=xlsx");
        Assert.Equal(["1-QĐ/HU", "2-QĐ/HU"], standing.Column("Số quyết định").Order());
        Assert.Equal(["Ban Thường vụ", "Ban Thường vụ"], standing.Column("Cấp quyết định"));
        Assert.Equal(["1-QĐ/HU"], officerDecisions.Column("Số quyết định"));
        Assert.Equal(["LC-02"], planning.Column("Số hiệu"));
        Assert.Equal(["Xã Phụng Châu"], planning.Column("Từ"));
        Assert.Equal(["Xã Lam Điền"], planning.Column("Đến"));

        // The attendance an officer exports is their own commune's, as on the page.
        var leaderEvents = await ExportFiles.CsvAsync(leader, "/dissemination?handler=export&file=csv");
        var officerEvents = await ExportFiles.XlsxAsync(officer, "/dissemination?handler=export&file=xlsx");
        Assert.Equal(["HN-24-01"], leaderEvents.Column("Số hiệu"));
        Assert.Equal(["3", "80", "79"], [.. leaderEvents.Column("Số đơn vị"), .. leaderEvents.Column("Triệu tập"), .. leaderEvents.Column("Tham dự")]);
        Assert.Equal([1d, 40d, 40d], [.. officerEvents.Column("Số đơn vị"), .. officerEvents.Column("Triệu tập"), .. officerEvents.Column("Tham dự")]);

        var directives = await ExportFiles.XlsxAsync(officer, ExportFiles.Links((await officer.GetAsync("/directives")).Page)[0]);
        var posts = await ExportFiles.CsvAsync(leader, "/moves/sensitive-posts?handler=export&file=csv");
        Assert.Equal(["24-CT/TU"], directives.Column("Số, ký hiệu"));
        Assert.Equal([new DateTime(2023, 8, 7)], directives.Column("Ngày ban hành"));
        Assert.Equal(["Cán bộ", "Chức vụ", "Đơn vị giải quyết", "Lĩnh vực nhạy cảm", "Giữ từ ngày", "Đến hạn chuyển đổi", "Căn cứ"], posts.Headers);
        Assert.Empty(posts.Rows);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_export_refuses_more_rows_than_it_holds_and_a_bad_filter_on_the_page_and_knows_only_xlsx_and_csv(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var capped = factory.WithWebHostBuilder(builder => builder.UseSetting("Exports:MaxRows", "1"));
        var leader = await PageSession.SignInAsync(factory, Leader);
        var cappedLeader = new PageSession(capped.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));
        Assert.Equal(HttpStatusCode.Redirect, (await cappedLeader.PostLoginAsync(Leader, OversightWebFactory.Password)).StatusCode);
        var officer = await PageSession.SignInAsync(factory, Officer);

        var (tooManyStatus, tooMany) = await cappedLeader.GetAsync("/inspections?handler=export&file=xlsx");
        var one = await ExportFiles.CsvAsync(cappedLeader, "/inspections?kind=surprise&handler=export&file=csv");
        var (badKindStatus, badKind) = await leader.GetAsync("/inspections?kind=audit&handler=export&file=xlsx");
        var (foreignStatus, foreign) = await officer.GetAsync("/discipline?unit=10021&asOf=2024-07-19&handler=export&file=csv");
        var (pdf, _) = await leader.GetAsync("/inspections?handler=export&file=pdf");

        Assert.Equal(HttpStatusCode.OK, tooManyStatus);
        Assert.Contains("Không tải về được: có hơn 1 dòng khớp bộ lọc", PageText.Of(tooMany.QuerySelector(".error-summary")));
        Assert.Empty(PageStructure.Problems("/inspections?handler=export", tooMany));
        Assert.Equal(["KT-01"], one.Column("Số hiệu"));
        Assert.Equal(HttpStatusCode.OK, badKindStatus);
        Assert.NotNull(badKind.QuerySelector("#kind-error"));
        Assert.Equal(HttpStatusCode.OK, foreignStatus);
        Assert.Contains("10021", PageText.Of(foreign.QuerySelector("#unit-error")));
        Assert.Equal(HttpStatusCode.NotFound, pdf);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_export_holds_the_readers_cases_as_filtered_and_never_a_denouncer(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var complaint = Case(totDong, new(2024, 4, 2), CaseStatus.Accepted, CaseKind.Complaint, "Khiếu nại về bồi thường đất, tài sản", "Lê Văn Hùng", acceptedOn: new(2024, 4, 5), dueOn: new(2024, 5, 20));
        var written = Case(totDong, new(2024, 5, 6), kind: CaseKind.Denunciation, subject: "Tố cáo cán bộ địa chính", petitioner: "Trần Thị Kín");
        var neighbour = Case(hopDong, new(2024, 4, 3), subject: "Phản ánh về chiếu sáng", petitioner: "Phạm Thị Lan");
        await AddAsync(database, complaint, written, neighbour);
        string received;
        await using (var scope = database.SystemScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(new CaseRequest(
                "denunciation", "10060", "2024-07-15", "reception-session", "Tố cáo sai phạm đất đai", "Nội dung tố cáo",
                new PetitionerDetails("Trần Thị Bích Ngọc", "Thôn Đồng Tâm", "0912 345 678")), Cancel);
            received = result.Case!.Reference;
        }

        var officer = await PageSession.SignInAsync(factory, Officer);
        var leader = await PageSession.SignInAsync(factory, Leader);

        var (_, officerPage) = await officer.GetAsync("/cases");
        var officerCases = await ExportFiles.XlsxAsync(officer, ExportFiles.Links(officerPage)[0]);
        var (_, leaderCsv) = await ExportFiles.DownloadAsync(leader.Client, "/cases?unit=277&asOf=2024-07-19&handler=export&file=csv", "text/csv");
        var leaderCases = await ExportFiles.ReadCsvAsync(leaderCsv);
        var complaints = await ExportFiles.CsvAsync(leader, "/cases?unit=277&asOf=2024-07-19&kind=complaint&handler=export&file=csv");
        var (_, englishPage) = await officer.GetAsync("/cases?kind=complaint&culture=en-GB");
        var english = await ExportFiles.CsvAsync(officer, ExportFiles.Links(englishPage)[1]);

        Assert.Equal([received, written.Reference, complaint.Reference], officerCases.Column("Số hồ sơ"));
        Assert.Equal(["10060", "10060", "10060"], officerCases.Column("Mã đơn vị"));
        Assert.Equal(["Được giữ bí mật", "Được giữ bí mật", "Lê Văn Hùng"], officerCases.Column("Người gửi đơn"));
        Assert.Equal([new DateTime(2024, 7, 15), new DateTime(2024, 5, 6), new DateTime(2024, 4, 2)], officerCases.Column("Ngày tiếp nhận"));
        Assert.Equal([1d, 1d, 1d], officerCases.Column("Số người"));
        Assert.Equal(new DateTime(2024, 5, 20), officerCases.Column("Hạn xử lý")[2]);
        Assert.Equal("Khiếu nại về bồi thường đất, tài sản", officerCases.Column("Trích yếu")[2]);
        Assert.Equal(4, leaderCases.Rows.Count);
        Assert.Contains("Phạm Thị Lan", leaderCases.Column("Người gửi đơn"));
        Assert.Equal([complaint.Reference], complaints.Column("Số hồ sơ"));
        Assert.Equal("Register number", english.Headers[0]);
        Assert.Equal(["Complaint"], english.Column("Kind"));
        Assert.Equal(["2024-05-20"], english.Column("Due"));

        foreach (var secret in new[] { "Ngọc", "Kín", "Đồng Tâm", "0912" })
        {
            Assert.DoesNotContain(officerCases.Texts, text => text.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, Encoding.UTF8.GetString(leaderCsv), StringComparison.Ordinal);
        }

        await using var audit = database.SystemScope();
        Assert.False(await audit.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.AnyAsync(e => e.Action == "reveal", Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_reception_and_dialogue_exports_keep_to_the_period_the_choices_and_the_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var factory = await FactoryAsync(database);
        var totDong = await UnitIdAsync(database, "10060", InspectionDay);
        var hopDong = await UnitIdAsync(database, "10072", InspectionDay);
        var chaired = Session(totDong, new(2024, 3, 14), HostRole.CommitteeChairman, "Phạm Văn Chủ", 3, 4);
        await AddAsync(database,
            chaired,
            Session(totDong, new(2024, 5, 2), HostRole.PartySecretary, "Nguyễn Văn Bí", 5, 6),
            Session(totDong, new(2023, 1, 10), HostRole.CommitteeChairman, "Phạm Văn Chủ", 1, 1),
            Session(hopDong, new(2024, 3, 15), HostRole.CommitteeChairman, "Lê Văn Láng", 2, 2),
            Case(totDong, chaired.HeldOn, sessionId: chaired.Id),
            Case(totDong, chaired.HeldOn, kind: CaseKind.Denunciation, petitioner: "Trần Thị Kín", sessionId: chaired.Id),
            Meeting(totDong, new(2024, 4, 20), DialogueLevel.Commune),
            Meeting(hopDong, new(2024, 4, 21), DialogueLevel.Commune));
        var officer = await PageSession.SignInAsync(factory, Officer);

        var (_, register) = await officer.GetAsync("/reception?from=2024-01-01&to=2024-07-19");
        var sessions = await ExportFiles.CsvAsync(officer, ExportFiles.Links(register)[1]);
        var chairmen = await ExportFiles.XlsxAsync(officer, "/reception?from=2024-01-01&to=2024-07-19&role=committee-chairman&handler=export&file=xlsx");
        var meetings = await ExportFiles.XlsxAsync(officer, "/dialogues?from=2024-01-01&to=2024-07-19&handler=export&file=xlsx");

        Assert.Equal("/reception?from=2024-01-01&to=2024-07-19&handler=export&file=csv", ExportFiles.Links(register)[1]);
        Assert.Equal(["Nguyễn Văn Bí", "Phạm Văn Chủ"], sessions.Column("Người chủ trì"));
        Assert.Equal(["Bí thư cấp ủy", "Chủ tịch Ủy ban nhân dân"], sessions.Column("Chức danh người chủ trì"));
        Assert.Equal(["Phạm Văn Chủ"], chairmen.Column("Người chủ trì"));
        Assert.Equal([3d, 4d, 2d], [.. chairmen.Column("Số lượt"), .. chairmen.Column("Số người"), .. chairmen.Column("Số vụ việc")]);
        Assert.Equal([new DateTime(2024, 3, 14)], chairmen.Column("Ngày tiếp"));
        Assert.Equal(["Xã Tốt Động"], meetings.Column("Đơn vị giải quyết"));
        Assert.Equal(["Đối thoại về giải phóng mặt bằng"], meetings.Column("Nội dung đối thoại"));
    }

    private static async Task<OversightWebFactory> FactoryAsync(TestDatabase database)
    {
        await TestUnits.AddChuongMyFragmentAsync(database);
        var factory = new OversightWebFactory(database);
        await factory.AddUserAsync(Officer, Roles.Officer, "10060", InspectionDay);
        await factory.AddUserAsync(Leader, Roles.Leader, "277", InspectionDay);
        return factory;
    }
}
