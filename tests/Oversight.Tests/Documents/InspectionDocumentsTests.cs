using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Documents;
using Oversight.People;
using Oversight.Records;
using Oversight.Reports;
using Oversight.Tests.Accountability;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Documents;

/// <summary>
/// The district's surprise inspection KT-01 (of Tốt Động and Phụng Châu, headed by Lê Văn Trưởng) carried through its
/// documents: the delegation's report drafted by a district inspector, approved and issued by the head, corrected, and
/// the conclusion notice whose requests become follow-up tasks.
/// </summary>
public sealed class InspectionDocumentsTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_goes_from_draft_to_issued_by_its_head_keeps_every_version_and_is_corrected_with_a_reason(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var (inspectionId, district, totDong) = await IdsAsync(database);

        var report = await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.DelegationReport, Cancel));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors.Select(e => e.Message)));
        var id = report.Record!.Id;
        // Of the two communes inspected, the figures are of the district that holds both.
        Assert.Equal((DocumentStatus.Draft, district, new DateOnly(2024, 1, 1), InspectionDay), (report.Record.Status, report.Record.UnitId, report.Record.From, report.Record.To));

        var text = new DocumentTextRequest(
            new Dictionary<string, string?> { ["strengths"] = "Quán triệt kịp thời.", ["shortcomings"] = " Chậm giải quyết đơn thư. \n\n Còn né tránh trách nhiệm. " },
            [new("10060", "Khắc phục việc chậm giải quyết đơn thư", "2024-10-31"), new(null, null, null)]);
        var saved = await AsInspector(database, d => d.SaveAsync(id, text, 1, null, Cancel));
        var again = await AsInspector(database, d => d.SaveAsync(id, text, 2, null, Cancel));
        var stale = await AsInspector(database, d => d.SaveAsync(id, text, 1, null, Cancel));
        var badRequest = await AsInspector(database, d => d.SaveAsync(id, new(new Dictionary<string, string?> { ["nope"] = "x" }, [new("99999", "", null)]), 2, null, Cancel));
        Assert.True(saved.Changed);
        Assert.False(again.Changed);
        Assert.Equal(RecordMessages.ChangedMeanwhile.Key, Assert.Single(stale.Errors).Key);
        Assert.Equal(["narrative.nope", "requests[0].owner", "requests[0].text"], badRequest.Errors.Select(e => e.Field));

        var submitted = await AsInspector(database, d => d.SubmitAsync(id, saved.Record!.ConcurrencyStamp, Cancel));
        var approvedByInspector = await AsInspector(database, d => d.ApproveAsync(id, submitted.Record!.ConcurrencyStamp, Cancel));
        Assert.True(submitted.Succeeded);
        Assert.Equal(RecordMessages.DocumentNotYours.Key, Assert.Single(approvedByInspector.Errors).Key);

        // The inspected commune sees nothing of the draft.
        await using (var commune = database.UserScope("officer.totdong", Roles.Officer, totDong))
        {
            Assert.Null(await commune.ServiceProvider.GetRequiredService<InspectionDocuments>().FindAsync(id, Cancel));
        }

        var approved = await AsHead(database, d => d.ApproveAsync(id, submitted.Record!.ConcurrencyStamp, Cancel));
        var tomorrow = await AsHead(database, d => d.IssueAsync(id, "2099-01-01", approved.Record!.ConcurrencyStamp, Cancel));
        var issued = await AsHead(database, d => d.IssueAsync(id, "2024-07-25", approved.Record!.ConcurrencyStamp, Cancel));
        Assert.Equal("issuedOn", Assert.Single(tomorrow.Errors).Field);
        Assert.True(issued.Succeeded, string.Join("; ", issued.Errors.Select(e => e.Message)));
        Assert.Equal((DocumentStatus.Issued, 1, new DateOnly(2024, 7, 25)), (issued.Record!.Status, issued.Record.Number, issued.Record.IssuedOn!.Value));

        var correction = text with { Narrative = new Dictionary<string, string?>(text.Narrative!) { ["strengths"] = "Quán triệt kịp thời, đầy đủ." } };
        var unexplained = await AsHead(database, d => d.SaveAsync(id, correction, 2, null, Cancel));
        var corrected = await AsHead(database, d => d.SaveAsync(id, correction, 2, "Sửa lỗi đánh máy", Cancel));
        Assert.Equal("reason", Assert.Single(unexplained.Errors).Field);
        Assert.True(corrected.Changed);

        await using var scope = database.UserScope("officer.totdong", Roles.Officer, totDong);
        var documents = scope.ServiceProvider.GetRequiredService<InspectionDocuments>();
        var view = (await documents.FindAsync(id, Cancel))!;
        Assert.Equal([1, 2, 3], view.Versions.Select(v => v.Sequence));
        Assert.Equal("Sửa lỗi đánh máy", view.Latest.Reason);
        Assert.Equal(
            [DocumentAction.Created, DocumentAction.Saved, DocumentAction.Submitted, DocumentAction.Approved, DocumentAction.Issued, DocumentAction.Corrected],
            view.Steps.Select(s => s.Action));
        Assert.Equal(DocumentPermissions.None, view.May);

        var diff = (await documents.DiffAsync(id, 1, 3, Cancel))!;
        Assert.Contains(new DiffLine(DiffKind.Added, "Quán triệt kịp thời, đầy đủ."), diff);
        Assert.Contains(new DiffLine(DiffKind.Added, "1. Xã Tốt Động: Khắc phục việc chậm giải quyết đơn thư. Thời hạn: 31/10/2024."), diff);
        Assert.DoesNotContain(diff, l => l.Kind == DiffKind.Removed);

        // The issued document: its number and date in the header, the text written for it in parts III and IV; the first
        // version still reads as it was, with no part III.
        var issuedText = Text(await documents.RenderAsync(id, null, english: false, Cancel));
        // The district is a body of the State: the State's layout.
        Assert.Contains("Số: 1/BC-ĐKT", issuedText);
        Assert.Contains("ngày 25 tháng 7 năm 2024", issuedText);
        Assert.Contains("III. ĐÁNH GIÁ CHUNG1. Ưu điểmQuán triệt kịp thời, đầy đủ.2. Hạn chế, khuyết điểmChậm giải quyết đơn thư.Còn né tránh trách nhiệm.", issuedText);
        Assert.Contains("IV. KIẾN NGHỊ, ĐỀ XUẤT1. Xã Tốt Động: Khắc phục việc chậm giải quyết đơn thư. Thời hạn: 31/10/2024.", issuedText);
        Assert.Contains("Lê Văn Trưởng", issuedText);
        Assert.DoesNotContain("ĐÁNH GIÁ CHUNG", Text(await documents.RenderAsync(id, 1, english: false, Cancel)));

        // Every step is in the audit trail, under the unit the figures are of.
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(InspectionDocument) || e.EntityType == nameof(DocumentVersion) || e.EntityType == nameof(DocumentStep))
            .Select(e => new { e.EntityType, e.UnitId }).ToListAsync(Cancel);
        Assert.Equal((3, 6), (audited.Count(e => e.EntityType == nameof(DocumentVersion)), audited.Count(e => e.EntityType == nameof(DocumentStep))));
        Assert.All(audited, e => Assert.Equal(district, e.UnitId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_conclusion_notice_is_drawn_from_the_approved_report_and_its_requests_become_tasks_linked_to_it(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var (inspectionId, _, _) = await IdsAsync(database);
        var early = await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.ConclusionNotice, Cancel));
        Assert.Equal(RecordMessages.ReportNotApproved.Key, Assert.Single(early.Errors).Key);

        var report = (await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.DelegationReport, Cancel))).Record!;
        var requests = new DocumentTextRequest(
            new Dictionary<string, string?> { ["shortcomings"] = "Chậm giải quyết đơn thư." },
            [new("10060", "Khắc phục việc chậm giải quyết đơn thư", "2024-10-31"), new("10021", "Rà soát quy trình tiếp nhận hồ sơ", null)]);
        var saved = await AsInspector(database, d => d.SaveAsync(report.Id, requests, 1, null, Cancel));
        var submitted = await AsInspector(database, d => d.SubmitAsync(report.Id, saved.Record!.ConcurrencyStamp, Cancel));
        Assert.True((await AsHead(database, d => d.ApproveAsync(report.Id, submitted.Record!.ConcurrencyStamp, Cancel))).Succeeded);

        var notice = (await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.ConclusionNotice, Cancel))).Record!;
        var submittedNotice = await AsInspector(database, d => d.SubmitAsync(notice.Id, notice.ConcurrencyStamp, Cancel));
        var approvedNotice = await AsHead(database, d => d.ApproveAsync(notice.Id, submittedNotice.Record!.ConcurrencyStamp, Cancel));

        // A request with no deadline sets no task: refused, naming it, and nothing is issued.
        var refused = await AsHead(database, d => d.IssueAsync(notice.Id, "2024-07-25", approvedNotice.Record!.ConcurrencyStamp, Cancel));
        Assert.Equal(["requests[1].dueOn"], refused.Errors.Select(e => e.Field));
        await using (var scope = database.SystemScope())
        {
            Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<OversightDbContext>().FollowUpTasks.CountAsync(Cancel));
        }

        var returned = await AsHead(database, d => d.ReturnAsync(notice.Id, "Ghi thời hạn cho kiến nghị 2", approvedNotice.Record!.ConcurrencyStamp, Cancel));
        var dated = await AsInspector(database, d => d.SaveAsync(notice.Id, requests with { Requests = [requests.Requests![0], new("10021", "Rà soát quy trình tiếp nhận hồ sơ", "2024-12-31")] }, 1, null, Cancel));
        var again = await AsInspector(database, d => d.SubmitAsync(notice.Id, dated.Record!.ConcurrencyStamp, Cancel));
        var approvedAgain = await AsHead(database, d => d.ApproveAsync(notice.Id, again.Record!.ConcurrencyStamp, Cancel));
        var issued = await AsHead(database, d => d.IssueAsync(notice.Id, "2024-07-25", approvedAgain.Record!.ConcurrencyStamp, Cancel));
        Assert.True(returned.Succeeded);
        Assert.True(issued.Succeeded, string.Join("; ", issued.Errors.Select(e => e.Message)));

        await using var reader = database.SystemScope();
        var view = (await reader.ServiceProvider.GetRequiredService<InspectionDocuments>().FindAsync(notice.Id, Cancel))!;
        Assert.Equal(
            [("NV-01-04", "Khắc phục việc chậm giải quyết đơn thư", new DateOnly(2024, 10, 31)), ("NV-01-05", "Rà soát quy trình tiếp nhận hồ sơ", new DateOnly(2024, 12, 31))],
            view.Tasks.Select(t => (t.Reference, t.Description, t.DueOn)));
        Assert.All(view.Tasks, t => Assert.Equal((inspectionId, FollowUpStatus.Open, notice.Id), (t.InspectionId, t.Status, t.NoticeId!.Value)));
        var text = Text(await reader.ServiceProvider.GetRequiredService<InspectionDocuments>().RenderAsync(notice.Id, null, english: false, Cancel));
        Assert.Contains("THÔNG BÁO KẾT LUẬN", text);
        Assert.Contains("Số: 1/TB-", text);
        Assert.Contains("2. Xã Phụng Châu: Rà soát quy trình tiếp nhận hồ sơ. Thời hạn: 31/12/2024.", text);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unit_inspected_drafts_its_self_assessment_and_sending_it_makes_its_figures_claims_with_their_sentences(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var (inspectionId, _, totDong) = await IdsAsync(database);

        // The delegation's side neither writes the unit's own report nor sees it before it is sent.
        var byInspector = await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.SelfAssessment, Cancel));
        Assert.Equal(RecordMessages.DocumentNotYours.Key, Assert.Single(byInspector.Errors).Key);

        // The first target, Tốt Động, writes it: its own figures, offered as the records give them.
        var created = await AsCommune(database, Roles.Officer, d => d.CreateAsync(inspectionId, DocumentKind.SelfAssessment, Cancel));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
        var id = created.Record!.Id;
        Assert.Equal((totDong, totDong), (created.Record.UnitId, created.Record.IssuerUnitId));
        Assert.Null(await AsInspector(database, d => d.FindAsync(id, Cancel)));
        var offered = (await AsCommune(database, Roles.Officer, d => d.FindAsync(id, Cancel)))!.Text.Figures;
        Assert.All(offered, f => Assert.Contains(f.Written, f.Description));

        StatedFigureFields Figure(string section, string? indicator, string value, string description, long? numerator = null, long? denominator = null) =>
            new(section, indicator, "2024-01-01", "2024-05-31", description, value, null, numerator, denominator);
        var stated = new DocumentTextRequest(
            new Dictionary<string, string?> { ["proposals"] = "Đề nghị hướng dẫn việc phân cấp." },
            [],
            [
                Figure("citizens", "CIT.SECRETARY-RESOLVED", "81,1%", "Giải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%.", 18, 22),
                Figure("dissemination", null, "3", "Tổ chức 3 buổi tuyên truyền tại thôn."),
                new(null, null, null, null, null, null, null, null, null),
            ]);
        var wrong = stated with { Figures = [Figure("citizens", "CIT.DIALOGUES", "45%", "Đối thoại 45%."), Figure("nope", null, "1", "Một.")] };
        var refused = await AsCommune(database, Roles.Officer, d => d.SaveAsync(id, wrong, 1, null, Cancel));
        Assert.Equal(["figures[0].value", "figures[1].section"], refused.Errors.Select(e => e.Field));

        var saved = await AsCommune(database, Roles.Officer, d => d.SaveAsync(id, stated, 1, null, Cancel));
        var submitted = await AsCommune(database, Roles.Officer, d => d.SubmitAsync(id, saved.Record!.ConcurrencyStamp, Cancel));
        var approvedByOfficer = await AsCommune(database, Roles.Officer, d => d.ApproveAsync(id, submitted.Record!.ConcurrencyStamp, Cancel));
        Assert.Equal(RecordMessages.DocumentNotYours.Key, Assert.Single(approvedByOfficer.Errors).Key);
        var approved = await AsCommune(database, Roles.Leader, d => d.ApproveAsync(id, submitted.Record!.ConcurrencyStamp, Cancel));
        var issued = await AsCommune(database, Roles.Leader, d => d.IssueAsync(id, "2024-07-15", approved.Record!.ConcurrencyStamp, Cancel));
        Assert.True(issued.Succeeded, string.Join("; ", issued.Errors.Select(e => e.Message)));

        // Sent: the figures are the commune's claims, in the order of the report's sections, each with its sentence and the
        // report as source; the delegation now sees the report, in the State's layout of a commune.
        await using (var scope = database.SystemScope())
        {
            var claims = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().ReportedFigures.Where(c => c.DocumentId == id).OrderBy(c => c.Reference).ToListAsync(Cancel);
            Assert.Equal(
                [("BC-10060-2024-01", null, "3", "Tổ chức 3 buổi tuyên truyền tại thôn."), ("BC-10060-2024-02", "CIT.SECRETARY-RESOLVED", "81,1%", "Giải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%.")],
                claims.Select(c => (c.Reference, c.IndicatorCode, c.Written, c.Description)));
            Assert.Equal("Báo cáo số: 1/BC-UBND ngày 15/07/2024 của Xã Tốt Động, mục “Tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh và đối thoại”", claims[1].Source);
            Assert.All(claims, c => Assert.Equal((totDong, 18L, 22L), (c.UnitId, claims[1].StatedNumerator!.Value, claims[1].StatedDenominator!.Value)));
        }

        var text = Text(await AsInspector(database, d => d.RenderAsync(id, null, english: false, Cancel)));
        Assert.Contains("XÃ TỐT ĐỘNG", text);
        Assert.Contains("Số: 1/BC-UBND", text);
        Assert.Contains("Tốt Động, ngày 15 tháng 7 năm 2024", text);
        Assert.Contains("2. Tiếp công dân, giải quyết khiếu nại, tố cáo, kiến nghị, phản ánh và đối thoạiGiải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%.", text);
        Assert.Contains("KIẾN NGHỊ, ĐỀ XUẤTĐề nghị hướng dẫn việc phân cấp.", text);

        // A correction changes the claims with it: a figure no longer stated is no longer claimed.
        var corrected = await AsCommune(database, Roles.Leader, d => d.SaveAsync(id, stated with { Figures = [stated.Figures![0]] }, 2, "Bỏ số liệu chưa có hồ sơ", Cancel));
        Assert.True(corrected.Changed);
        await using var after = database.SystemScope();
        Assert.Equal(
            [("BC-10060-2024-01", "CIT.SECRETARY-RESOLVED")],
            await after.ServiceProvider.GetRequiredService<OversightDbContext>().ReportedFigures.Where(c => c.DocumentId == id).Select(c => new ValueTuple<string, string?>(c.Reference, c.IndicatorCode)).ToListAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_team_whose_head_is_only_a_name_has_its_report_approved_by_a_leader_of_the_deciding_body(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var (inspectionId, district, _) = await IdsAsync(database);
        await using (var setup = database.SystemScope())
        {
            var db = setup.ServiceProvider.GetRequiredService<OversightDbContext>();
            (await db.Set<TeamMember>().SingleAsync(m => m.IsLead, Cancel)).PersonId = null;
            await db.SaveChangesAsync(Cancel);
        }

        var report = (await AsInspector(database, d => d.CreateAsync(inspectionId, DocumentKind.DelegationReport, Cancel))).Record!;
        var submitted = (await AsInspector(database, d => d.SubmitAsync(report.Id, report.ConcurrencyStamp, Cancel))).Record!;
        await using var officerScope = database.UserScope("officer.district", Roles.Officer, district);
        await using var leaderScope = database.UserScope("leader.district", Roles.Leader, district);

        var byOfficer = await officerScope.ServiceProvider.GetRequiredService<InspectionDocuments>().ApproveAsync(report.Id, submitted.ConcurrencyStamp, Cancel);
        var byLeader = await leaderScope.ServiceProvider.GetRequiredService<InspectionDocuments>().ApproveAsync(report.Id, submitted.ConcurrencyStamp, Cancel);

        Assert.Equal(RecordMessages.DocumentNotYours.Key, Assert.Single(byOfficer.Errors).Key);
        Assert.Equal(DocumentStatus.Approved, byLeader.Record!.Status);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_pages_offer_the_next_step_first_confirm_it_and_download_a_docx_that_opens(DatabaseProvider provider)
    {
        await using var database = await DatabaseAsync(provider);
        var (inspectionId, _, _) = await IdsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("inspector.district", Roles.Inspector, "277", InspectionDay);
        var inspector = await PageSession.SignInAsync(factory, "inspector.district");

        var (_, inspection) = await inspector.GetAsync($"/inspections/{inspectionId}");
        using var started = await inspector.PostFormAsync(inspection, "section[aria-labelledby=inspection-documents] form", []);
        var location = started.Headers.Location!.ToString();
        var (_, draft) = await inspector.GetAsync(location);
        Assert.Equal("Đã tạo dự thảo, số liệu lấy từ hồ sơ.", PageText.Of(draft.QuerySelector(".confirmation")));
        Assert.Equal("Trình duyệt", PageText.Of(draft.QuerySelector("section.next-step form button")));
        Assert.Empty(PageStructure.Problems("/documents/{id}", draft));

        using var saved = await inspector.PostFormAsync(draft, "form[action*='handler=Save']", new() { ["Narrative[strengths]"] = "Quán triệt kịp thời." });
        var (_, afterSave) = await inspector.GetAsync(saved.Headers.Location!.ToString());
        Assert.Equal("Đã lưu phiên bản mới.", PageText.Of(afterSave.QuerySelector(".confirmation")));
        Assert.Equal(["2", "1"], afterSave.QuerySelectorAll("section[aria-labelledby=document-versions] tbody tr td:first-child").Select(PageText.Of));

        var file = await inspector.Client.GetAsync($"{location.Split('?')[0]}/file?format=docx&lang=vi", Cancel);
        using var docx = WordprocessingDocument.Open(await file.Content.ReadAsStreamAsync(Cancel), false);
        Assert.Contains("Quán triệt kịp thời.", docx.MainDocumentPart!.Document!.Body!.InnerText);
        var (status, _) = await inspector.GetAsync($"{location.Split('?')[0]}/diff?from=1&to=2");
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
    }

    private static string Text(ReportDocument? document) =>
        string.Concat(document!.Body.Select(b => b switch { ReportHeading h => h.Text, ReportParagraph p => p.Text, _ => "" }))
        + string.Concat(document.HeaderLines().Left.Concat(document.HeaderLines().Right).Concat(document.SigningLines().Right).Select(l => l.Text))
        + document.Kind;

    /// <summary>The Chương Mỹ fragment with the accountability records, the head of KT-01 as a person with an account, and a district inspector's account.</summary>
    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var head = new Person { Code = "TL-1", FullName = "Lê Văn Trưởng" };
        db.People.Add(head);
        (await db.Set<TeamMember>().SingleAsync(m => m.IsLead, Cancel)).PersonId = head.Id;
        db.Users.AddRange(new OversightUser { Id = "head", UserName = "head", PersonId = head.Id }, new OversightUser { Id = "inspector", UserName = "inspector" });
        await db.SaveChangesAsync(Cancel);
        return database;
    }

    private static async Task<(Guid Inspection, Guid District, Guid TotDong)> IdsAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var inspection = await db.Inspections.SingleAsync(i => i.Reference == "KT-01", Cancel);
        return (inspection.Id, inspection.DecidingUnitId, await database.UnitIdAsync("10060"));
    }

    private static Task<T> AsInspector<T>(TestDatabase database, Func<InspectionDocuments, Task<T>> act) => ActAsync(database, "inspector", Roles.Inspector, act);

    private static Task<T> AsHead<T>(TestDatabase database, Func<InspectionDocuments, Task<T>> act) => ActAsync(database, "head", Roles.Leader, act);

    /// <summary>Acts for Tốt Động, the unit inspected first, with <paramref name="role"/>.</summary>
    private static async Task<T> AsCommune<T>(TestDatabase database, string role, Func<InspectionDocuments, Task<T>> act)
    {
        await using var scope = database.UserScope($"{role}.totdong", role, await database.UnitIdAsync("10060"));
        return await act(scope.ServiceProvider.GetRequiredService<InspectionDocuments>());
    }

    private static async Task<T> ActAsync<T>(TestDatabase database, string user, string role, Func<InspectionDocuments, Task<T>> act)
    {
        var district = await database.UnitIdAsync("277");
        await using var scope = database.UserScope(user, role, district);
        return await act(scope.ServiceProvider.GetRequiredService<InspectionDocuments>());
    }
}
