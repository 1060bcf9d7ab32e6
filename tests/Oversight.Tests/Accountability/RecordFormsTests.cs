using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Accountability;

/// <summary>The forms that record directives, dissemination events, inspections, discipline decisions and moves, as an officer fills them in.</summary>
public sealed class RecordFormsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_form_records_its_record_and_a_refused_one_names_its_fields_and_records_nothing(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-district", Roles.Officer, "277", new(2024, 1, 1));
        var officer = await PageSession.SignInAsync(factory, "officer-district");

        var (_, directiveForm) = await officer.GetAsync("/directives/new");
        Assert.Empty(PageStructure.Problems("/directives/new", directiveForm));
        using var directive = await officer.SubmitAsync(directiveForm, new()
        {
            ["symbol"] = "40-CT/HU", ["issuingUnit"] = "277", ["issuingBody"] = "Ban Thường vụ Huyện ủy Chương Mỹ", ["issuedOn"] = "2024-02-01",
            ["title"] = "Về tăng cường công tác tiếp công dân", ["summary"] = "", ["disseminationDueOn"] = "2024-03-31", ["appliedWith"] = "24-CT/TU; 39-CT/HU",
        });
        var (_, directivePage) = await officer.FollowAsync(directive);
        Assert.Equal("Chỉ thị 40-CT/HU", PageText.Of(directivePage.QuerySelector("h1")));
        Assert.Equal("24-CT/TU, 39-CT/HU", PageText.Definition(directivePage, "Thực hiện cùng"));

        var (_, eventForm) = await officer.GetAsync("/dissemination/new");
        Assert.Equal("277", eventForm.QuerySelector("#organiser")!.GetAttribute("value"));
        Assert.Empty(PageStructure.Problems("/dissemination/new", eventForm));
        var audited = await database.AuditEntryCountAsync();
        using var refusedEvent = await officer.SubmitAsync(eventForm, new()
        {
            ["reference"] = "QT-2024-01", ["title"] = "Hội nghị quán triệt Chỉ thị 40-CT/HU", ["organiser"] = "277", ["heldOn"] = "2024-02-15", ["online"] = "true",
            ["directives"] = "40-CT/HU", ["attendance"] = "10063:120:118\n10096:95",
        });
        var refusedEventPage = await PageSession.ParseAsync(refusedEvent);
        Assert.Equal(["Đơn vị tham dự: '10096:95' không có dạng đơn vị:số mời:số dự (10015:120:118)"], refusedEventPage.QuerySelectorAll(".error-summary li").Select(PageText.Of));
        Assert.Equal("10063:120:118\n10096:95", refusedEventPage.QuerySelector("#attendance")!.TextContent.Trim());
        Assert.True(refusedEventPage.QuerySelector("#online")!.HasAttribute("checked"));
        Assert.Equal(audited, await database.AuditEntryCountAsync());
        using var recordedEvent = await officer.SubmitAsync(eventForm, new()
        {
            ["reference"] = "QT-2024-01", ["title"] = "Hội nghị quán triệt Chỉ thị 40-CT/HU", ["organiser"] = "277", ["heldOn"] = "2024-02-15", ["online"] = "true",
            ["directives"] = "40-CT/HU", ["attendance"] = "10063:120:118\n10096:95:95",
        });
        Assert.StartsWith("/dissemination/", recordedEvent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (_, inspectionForm) = await officer.GetAsync("/inspections/new");
        Assert.Empty(PageStructure.Problems("/inspections/new", inspectionForm));
        using var inspection = await officer.SubmitAsync(inspectionForm, new()
        {
            ["reference"] = "KT-2024-05", ["kind"] = "thematic", ["title"] = "Kiểm tra chuyên đề việc thực hiện Chỉ thị 40-CT/HU", ["decidingUnit"] = "277",
            ["decisionNumber"] = "501-QĐ/HU", ["decidedOn"] = "2024-04-01", ["directive"] = "40-CT/HU", ["periodFrom"] = "", ["periodTo"] = "",
            ["teamLead"] = "Nguyễn Văn Hải (Phó Bí thư Huyện ủy)", ["team"] = "Trần Thị Lan (Ủy viên Ban Thường vụ)\nLê Văn Minh",
            ["targetUnits"] = "10063; 10096", ["targetOrganisations"] = "", ["targetMembers"] = "CM-0001",
        });
        var (_, inspectionPage) = await officer.FollowAsync(inspection);
        Assert.Equal("Cuộc kiểm tra, giám sát KT-2024-05", PageText.Of(inspectionPage.QuerySelector("h1")));
        Assert.Equal(
            ["Nguyễn Văn Hải, Phó Bí thư Huyện ủy (trưởng đoàn)", "Lê Văn Minh", "Trần Thị Lan, Ủy viên Ban Thường vụ"],
            inspectionPage.QuerySelectorAll("ul.team li").Select(PageText.Of));
        Assert.Equal(3, inspectionPage.QuerySelectorAll("ul.targets li").Length);

        var (_, moveForm) = await officer.GetAsync("/moves/new");
        Assert.Empty(PageStructure.Problems("/moves/new", moveForm));
        using var refusedMove = await officer.SubmitAsync(moveForm, new()
        {
            ["reference"] = "DD-2024-05", ["person"] = "CM-0001", ["kind"] = "transfer", ["postKind"] = "commune-vice-chairman", ["fromUnit"] = "10063-UBND", ["fromTitle"] = "Phó Chủ tịch UBND xã",
            ["toUnit"] = "10096", ["toTitle"] = "Phó Chủ tịch UBND xã", ["effectiveOn"] = "2024-05-02", ["reason"] = "under-directive", ["directive"] = "", ["decidingUnit"] = "277", ["decisionNumber"] = "",
        });
        var refusedMovePage = await PageSession.ParseAsync(refusedMove);
        Assert.Equal(["Chỉ thị (số, ký hiệu): không được để trống khi lý do là thực hiện theo chỉ thị"], refusedMovePage.QuerySelectorAll(".error-summary li").Select(PageText.Of));
        Assert.NotNull(refusedMovePage.QuerySelector(".error-summary a[href='#directive']"));
        using var move = await officer.SubmitAsync(moveForm, new()
        {
            ["reference"] = "DD-2024-05", ["person"] = "CM-0001", ["kind"] = "transfer", ["postKind"] = "commune-vice-chairman", ["fromUnit"] = "10063-UBND", ["fromTitle"] = "Phó Chủ tịch UBND xã",
            ["toUnit"] = "10096", ["toTitle"] = "Phó Chủ tịch UBND xã", ["effectiveOn"] = "2024-05-02", ["reason"] = "under-directive", ["directive"] = "40-CT/HU", ["decidingUnit"] = "277", ["decisionNumber"] = "",
        });
        Assert.StartsWith("/moves/", move.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(1, await db.DisseminationEvents.CountAsync(Cancel));
        Assert.Equal(MoveReason.UnderDirective, (await db.PersonnelMoves.SingleAsync(Cancel)).Reason);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_discipline_form_shows_the_forms_per_subject_and_the_limitation_before_a_decision_is_recorded(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-district", Roles.Officer, "277", new(2024, 1, 1));
        var officer = await PageSession.SignInAsync(factory, "officer-district");
        var (_, form) = await officer.GetAsync("/discipline/new");
        Assert.Equal("Khiển trách, Cảnh cáo (Điều lệ Đảng, Điều 35; Quy định 69-QĐ/TW 2022)", PageText.Definition(form, "Đảng viên dự bị"));
        Assert.Equal("Khiển trách, Cảnh cáo, Giải tán (Điều lệ Đảng, Điều 35; Quy định 69-QĐ/TW 2022)", PageText.Definition(form, "Tổ chức đảng"));
        Assert.Empty(PageStructure.Problems("/discipline/new", form));
        var audited = await database.AuditEntryCountAsync();
        Dictionary<string, string> Fields(string violationOn) => new()
        {
            ["decisionNumber"] = "126-QĐ/HU", ["decidedOn"] = "2024-05-10", ["body"] = "standing-committee", ["decidingUnit"] = "277", ["subject"] = "organisation",
            ["subjectPerson"] = "", ["subjectUnit"] = "10063-CB01", ["form"] = "reprimand", ["violationOn"] = violationOn, ["summary"] = "", ["sourceInspection"] = "",
            ["directive"] = "", ["manifestations"] = "",
        };

        var check = Fields("2018-01-01");
        using var checkedResponse = await officer.Client.PostAsync(
            "/discipline/new?handler=Check", new FormUrlEncodedContent(check.Append(new("__RequestVerificationToken", Token(form))).ToList()), Cancel);
        var checkedPage = await PageSession.ParseAsync(checkedResponse);
        Assert.Equal(HttpStatusCode.OK, checkedResponse.StatusCode);
        Assert.Equal(
            "Thời hiệu xử lý kỷ luật hình thức Khiển trách: 5 năm kể từ ngày vi phạm (Quy định 69-QĐ/TW 2022, Điều 4), hết vào ngày 01/01/2023. Giá trị này chưa được đối chiếu với văn bản. "
            + "Đến ngày quyết định 10/05/2024, đã hết thời hiệu: không thể ghi quyết định này.",
            PageText.Of(checkedPage.QuerySelector(".limitation.lapsed")));
        Assert.Empty(checkedPage.QuerySelectorAll(".error-summary"));
        Assert.Equal(audited, await database.AuditEntryCountAsync());

        using var refused = await officer.SubmitAsync(form, Fields("2018-01-01"));
        var refusedPage = await PageSession.ParseAsync(refused);
        Assert.Contains(refusedPage.QuerySelectorAll(".error-summary li a[href='#violationOn']"), a => PageText.Of(a).StartsWith("Ngày vi phạm: thời hiệu xử lý kỷ luật", StringComparison.Ordinal));
        Assert.Equal(audited, await database.AuditEntryCountAsync());

        using var recorded = await officer.SubmitAsync(form, Fields("2023-12-01"));
        Assert.StartsWith("/discipline/", recorded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using var scope = database.SystemScope();
        var decision = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().DisciplineDecisions.SingleAsync(Cancel);
        Assert.Equal((DisciplineSubject.Organisation, DisciplineForm.Reprimand), (decision.Subject, decision.Form));
    }

    private static string Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_inspection_is_concluded_its_findings_recorded_and_its_tasks_set_from_its_page(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        (await database.ImportCsvAsync("manifestations", "directive,code,text\n24-CT/TU,1,Né tránh trách nhiệm\n24-CT/TU,1.2,Đùn đẩy trách nhiệm")).AssertSucceeded();
        (await database.ImportCsvAsync("inspections", """
            reference,kind,deciding_unit,decision_number,decided_on,title,directive,period_from,period_to,concluded_on,conclusion,team_lead,team,target_units,target_organisations,target_members
            KT-2024-001,surprise,277,412-QĐ/HU,2024-03-01,Kiểm tra đột xuất,24-CT/TU,,,,,Nguyễn Văn Hải,,10063,,
            """)).AssertSucceeded();
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-district", Roles.Officer, "277", new(2024, 1, 1));
        var officer = await PageSession.SignInAsync(factory, "officer-district");
        Guid id;
        await using (var scope = database.SystemScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Inspections.Select(i => i.Id).SingleAsync(Cancel);
        }

        var (_, page) = await officer.GetAsync($"/inspections/{id}");
        Assert.Null(page.QuerySelector($"a[href='/inspections/{id}/tasks/new']"));
        var (_, conclude) = await officer.GetAsync(page.QuerySelector($"a[href='/inspections/{id}/conclude']")!.GetAttribute("href")!);
        Assert.Empty(PageStructure.Problems("/inspections/{id}/conclude", conclude));
        using var concluded = await officer.SubmitAsync(conclude, new() { ["concludedOn"] = "2024-07-19", ["conclusion"] = "Yêu cầu khắc phục hạn chế" });
        Assert.Equal($"/inspections/{id}#inspection-conclusion", concluded.Headers.Location!.OriginalString);

        var (_, finding) = await officer.GetAsync($"/inspections/{id}/findings/new");
        Assert.Empty(PageStructure.Problems("/inspections/{id}/findings/new", finding));
        using var refusedFinding = await officer.SubmitAsync(finding, new() { ["target"] = "10063", ["text"] = "Chậm giải quyết đơn thư", ["manifestations"] = "9.9" });
        Assert.Equal(["Biểu hiện theo Phụ lục: phụ lục của chỉ thị 24-CT/TU không có biểu hiện 9.9"], (await PageSession.ParseAsync(refusedFinding)).QuerySelectorAll(".error-summary li").Select(PageText.Of));
        using var recordedFinding = await officer.SubmitAsync(finding, new() { ["target"] = "10063", ["text"] = "Chậm giải quyết đơn thư", ["manifestations"] = "1.2" });
        Assert.Equal(HttpStatusCode.Redirect, recordedFinding.StatusCode);

        var (_, task) = await officer.GetAsync($"/inspections/{id}/tasks/new");
        Assert.Empty(PageStructure.Problems("/inspections/{id}/tasks/new", task));
        using var refusedTask = await officer.SubmitAsync(task, new() { ["reference"] = "", ["ownerUnit"] = "10063", ["description"] = "Khắc phục hạn chế", ["dueOn"] = "2024-07-01" });
        Assert.Single((await PageSession.ParseAsync(refusedTask)).QuerySelectorAll(".error-summary a[href='#dueOn']"));
        using var setTask = await officer.SubmitAsync(task, new() { ["reference"] = "", ["ownerUnit"] = "10063", ["description"] = "Khắc phục hạn chế", ["dueOn"] = "2024-09-30" });
        var (_, after) = await officer.FollowAsync(setTask);

        Assert.Equal("19/07/2024: Yêu cầu khắc phục hạn chế", PageText.Of(after.QuerySelector("p.conclusion")));
        Assert.Equal(["Chậm giải quyết đơn thư (1.2)"], after.QuerySelectorAll("ul.findings li").Select(PageText.Of));
        Assert.Equal(["NV-KT-2024-001-01"], after.QuerySelectorAll("table.follow-up tbody th a").Select(PageText.Of));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_directives_tasks_are_imported_once_and_corrected_from_its_page(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        const string Tasks = "directive,number,text,due_on\n39-CT/HU,1,Tổ chức học tập, quán triệt Chỉ thị,2023-09-30\n39-CT/HU,2,Rà soát đơn thư tồn đọng,\n";
        (await database.ImportCsvAsync("directive-tasks", Tasks.Replace("Tổ chức học tập, quán triệt Chỉ thị", "\"Tổ chức học tập, quán triệt Chỉ thị\"", StringComparison.Ordinal))).AssertSucceeded();
        var audited = await database.AuditEntryCountAsync();
        var again = await database.ImportCsvAsync("directive-tasks", Tasks.Replace("Tổ chức học tập, quán triệt Chỉ thị", "\"Tổ chức học tập, quán triệt Chỉ thị\"", StringComparison.Ordinal));
        again.AssertSucceeded();
        Assert.Equal(audited, await database.AuditEntryCountAsync());
        var bad = await database.ImportCsvAsync("directive-tasks", "directive,number,text,due_on\n39-CT/HU,3,Báo cáo kết quả,2023-08-01\n");
        Assert.Equal(["directive-tasks.csv:2: column due_on: 2023-08-01 is before issuedOn (2023-08-25)"], bad.Errors.Select(e => e.ToString()));

        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-district", Roles.Officer, "277", new(2024, 1, 1));
        var officer = await PageSession.SignInAsync(factory, "officer-district");
        Guid id;
        await using (var scope = database.SystemScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Directives.Where(d => d.Symbol == "39-CT/HU").Select(d => d.Id).SingleAsync(Cancel);
        }

        var (_, form) = await officer.GetAsync($"/directives/{id}/tasks/new");
        Assert.Empty(PageStructure.Problems("/directives/{id}/tasks/new", form));
        using var refused = await officer.SubmitAsync(form, new() { ["number"] = "3", ["text"] = "Báo cáo kết quả", ["dueOn"] = "2023-08-01" });
        Assert.Equal(["Hạn hoàn thành: 01/08/2023 là trước ngày ban hành (25/08/2023)"], (await PageSession.ParseAsync(refused)).QuerySelectorAll(".error-summary li").Select(PageText.Of));
        var (_, directivePage) = await officer.GetAsync($"/directives/{id}");
        var (_, correcting) = await officer.GetAsync(directivePage.QuerySelectorAll("ol.directive-tasks li a").Single(a => PageText.Of(a) == "Sửa nhiệm vụ 2").GetAttribute("href")!);
        Assert.Equal(("2", "Rà soát đơn thư tồn đọng"), (correcting.QuerySelector("#number")!.GetAttribute("value"), correcting.QuerySelector("#text")!.TextContent.Trim()));
        Assert.Empty(PageStructure.Problems("/directives/{id}/tasks/new?number=2", correcting));
        using var corrected = await officer.SubmitAsync(correcting, new() { ["number"] = "2", ["text"] = "Rà soát, giải quyết dứt điểm đơn thư tồn đọng", ["dueOn"] = "2023-12-31" });
        var (_, page) = await officer.FollowAsync(corrected);
        Assert.Equal(
            ["Tổ chức học tập, quán triệt Chỉ thị (Hạn: 30/09/2023) Sửa nhiệm vụ 1", "Rà soát, giải quyết dứt điểm đơn thư tồn đọng (Hạn: 31/12/2023) Sửa nhiệm vụ 2"],
            page.QuerySelectorAll("ol.directive-tasks li").Select(PageText.Of));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_correcting_form_opened_before_someone_elses_save_is_refused_and_their_change_kept(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        (await database.ImportCsvAsync("directive-tasks", "directive,number,text,due_on\n39-CT/HU,1,Tổ chức học tập,2023-09-30\n")).AssertSucceeded();
        (await database.ImportCsvAsync("manifestations", "directive,code,text\n24-CT/TU,1,Né tránh trách nhiệm\n")).AssertSucceeded();
        (await database.ImportCsvAsync("inspections", """
            reference,kind,deciding_unit,decision_number,decided_on,title,directive,period_from,period_to,concluded_on,conclusion,team_lead,team,target_units,target_organisations,target_members
            KT-2024-001,surprise,277,412-QĐ/HU,2024-03-01,Kiểm tra đột xuất,24-CT/TU,,,,,Nguyễn Văn Hải,,10063,,
            """)).AssertSucceeded();
        await using var factory = new OversightWebFactory(database);
        foreach (var name in new[] { "officer-a", "officer-b" })
        {
            await factory.AddUserAsync(name, Roles.Officer, "277", new(2024, 1, 1));
        }

        foreach (var name in new[] { "admin-a", "admin-b" })
        {
            await factory.AddUserAsync(name, Roles.Administrator);
        }

        Guid directive, appendix, inspection;
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            directive = await db.Directives.Where(d => d.Symbol == "39-CT/HU").Select(d => d.Id).SingleAsync(Cancel);
            appendix = await db.Directives.Where(d => d.Symbol == "24-CT/TU").Select(d => d.Id).SingleAsync(Cancel);
            inspection = await db.Inspections.Select(i => i.Id).SingleAsync(Cancel);
        }

        var (officerA, officerB) = (await PageSession.SignInAsync(factory, "officer-a"), await PageSession.SignInAsync(factory, "officer-b"));
        var (adminA, adminB) = (await PageSession.SignInAsync(factory, "admin-a"), await PageSession.SignInAsync(factory, "admin-b"));

        await StaleEdit.AssertFormRefusedAsync(
            database, officerA, officerB, $"/directives/{directive}/tasks/new?number=1",
            theirs: new() { ["number"] = "1", ["text"] = "Tổ chức học tập, quán triệt đến chi bộ", ["dueOn"] = "2023-09-30" },
            mine: new() { ["number"] = "1", ["text"] = "Tổ chức học tập", ["dueOn"] = "2023-10-15" });
        await StaleEdit.AssertFormRefusedAsync(
            database, adminA, adminB, $"/directives/{appendix}/manifestations/new?code=1",
            theirs: new() { ["code"] = "1", ["text"] = "Né tránh, đùn đẩy trách nhiệm" },
            mine: new() { ["code"] = "1", ["text"] = "Sợ trách nhiệm" });
        await StaleEdit.AssertFormRefusedAsync(
            database, officerA, officerB, $"/inspections/{inspection}/conclude",
            theirs: new() { ["concludedOn"] = "2024-07-19", ["conclusion"] = "Yêu cầu khắc phục hạn chế" },
            mine: new() { ["concludedOn"] = "2024-07-20", ["conclusion"] = "Đạt yêu cầu" });

        await using var check = database.SystemScope();
        var stored = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(
            ("Tổ chức học tập, quán triệt đến chi bộ", "Né tránh, đùn đẩy trách nhiệm", "Yêu cầu khắc phục hạn chế"),
            (await stored.Set<DirectiveTask>().Select(t => t.Text).SingleAsync(Cancel), await stored.Manifestations.Select(m => m.Text).SingleAsync(Cancel),
                await stored.Inspections.Select(i => i.Conclusion).SingleAsync(Cancel)));
    }
}
