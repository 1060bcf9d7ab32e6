using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Reports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Petitions;

/// <summary>The notices sent to a citizen from a case: when each kind is open, their numbers, scope, validation and the DOCX.</summary>
public sealed class CaseNoticesTests
{
    /// <summary>"Today" in the tests is 25 Nov 2026 (<see cref="TestDatabase.DefaultNow"/>); the unit is Xã Quảng Bị as it is now.</summary>
    private static readonly DateOnly Received = new(2026, 11, 2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_kind_is_issued_when_the_case_calls_for_it_and_numbered_in_its_symbols_register(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope("officer.quangbi");
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var resolved = await ReceiveAsync(workflow, "complaint");
        var rejected = await ReceiveAsync(workflow, "second-complaint");
        var forwarded = await ReceiveAsync(workflow, "petition");

        var slip = await notices.IssueAsync(resolved, Slip("2026-11-02", "2026-11-09"), cancellationToken: Cancel);
        var acceptanceTooEarly = await notices.IssueAsync(resolved, Notice("acceptance", "2026-11-03"), cancellationToken: Cancel);
        Assert.True((await workflow.AcceptAsync(resolved, new DateOnly(2026, 11, 4), false, false, cancellationToken: Cancel)).Succeeded);
        var acceptance = await notices.IssueAsync(resolved, Notice("acceptance", "2026-11-05"), cancellationToken: Cancel);
        var acceptanceAgain = await notices.IssueAsync(resolved, Notice("acceptance", "2026-11-05"), cancellationToken: Cancel);
        var decisionTooEarly = await notices.IssueAsync(resolved, Notice("resolution-decision", "2026-11-05") with { Text = "Giữ nguyên" }, cancellationToken: Cancel);
        Assert.True((await workflow.ResolveAsync(resolved, new DateOnly(2026, 11, 20), "Khiếu nại đúng một phần.", cancellationToken: Cancel)).Succeeded);
        var decision = await notices.IssueAsync(resolved, Notice("resolution-decision", "2026-11-20") with { Text = "Công nhận khiếu nại đúng một phần" }, cancellationToken: Cancel);
        Assert.True((await workflow.RejectAsync(rejected, new DateOnly(2026, 11, 6), "Đã có quyết định giải quyết lần hai.", cancellationToken: Cancel)).Succeeded);
        var refusal = await notices.IssueAsync(rejected, Notice("refusal", "2026-11-06") with { Text = "Khiếu nại đã có quyết định giải quyết lần hai", LegalGround = "khoản 7 Điều 11 của Luật Khiếu nại" }, cancellationToken: Cancel);
        var refusalOfPetition = await notices.IssueAsync(forwarded, Notice("refusal", "2026-11-06") with { Text = "—", LegalGround = "—" }, cancellationToken: Cancel);
        Assert.True((await workflow.ForwardAsync(forwarded, new DateOnly(2026, 11, 6), "Ủy ban nhân dân thành phố Hà Nội", null, cancellationToken: Cancel)).Succeeded);
        var forwarding = await notices.IssueAsync(forwarded, Notice("forwarding", "2026-11-07") with { Recipient = "Ủy ban nhân dân thành phố Hà Nội" }, cancellationToken: Cancel);

        Assert.Equal((NoticeKind.AppointmentSlip, "PH", 1), Numbered(slip));
        Assert.Equal(("kind", "NoticeNotNow"), Refused(acceptanceTooEarly));
        Assert.Equal((NoticeKind.Acceptance, "TB", 1), Numbered(acceptance));
        Assert.Equal(("kind", "NoticeAlreadyIssued"), Refused(acceptanceAgain));
        Assert.Equal(("kind", "NoticeNotNow"), Refused(decisionTooEarly));
        Assert.Equal((NoticeKind.ResolutionDecision, "QĐ", 1), Numbered(decision));
        // The acceptance and the non-acceptance are both notices (TB): one register, so never the same number.
        Assert.Equal((NoticeKind.Refusal, "TB", 2), Numbered(refusal));
        Assert.Equal(("kind", "NoticeNotForCase"), Refused(refusalOfPetition));
        Assert.Equal((NoticeKind.Forwarding, "PC", 1), Numbered(forwarding));

        var resolvedCase = await workflow.FindAsync(resolved, Cancel);
        Assert.Equal([NoticeKind.AppointmentSlip, NoticeKind.Acceptance, NoticeKind.ResolutionDecision], (await notices.OfCaseAsync(resolvedCase!, Cancel)).Select(n => n.Notice.Kind));
        Assert.Empty(CaseNotices.Open(resolvedCase!, (await notices.OfCaseAsync(resolvedCase!, Cancel)).Select(n => n.Notice)));
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(5, await db.CaseNotices.CountAsync(Cancel));
        var audited = await db.AuditEntries.Where(e => e.EntityType == nameof(CaseNotice) && e.Action == "create").ToListAsync(Cancel);
        Assert.Equal(5, audited.Count);
        Assert.All(audited, e => Assert.Equal("officer.quangbi", e.Actor));
        Assert.All(audited, e => Assert.Equal(resolvedCase!.UnitId, e.UnitId));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Numbers_run_per_issuing_unit_symbol_and_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var lastYear = await ReceiveAsync(workflow, "petition", receivedOn: "2025-12-29");
        var quangBi = await ReceiveAsync(workflow, "petition");
        var ward = await ReceiveAsync(workflow, "petition", unit: "10015");

        var december = await notices.IssueAsync(lastYear, Slip("2025-12-30", "2026-01-05"), cancellationToken: Cancel);
        var januaryAgain = await notices.IssueAsync(lastYear, Slip("2026-01-05", "2026-01-12"), cancellationToken: Cancel);
        var second = await notices.IssueAsync(quangBi, Slip("2026-11-03", "2026-11-10"), cancellationToken: Cancel);
        var otherUnit = await notices.IssueAsync(ward, Slip("2026-11-03", "2026-11-10"), cancellationToken: Cancel);

        Assert.Equal((NoticeKind.AppointmentSlip, "PH", 1), Numbered(december));
        Assert.Equal((NoticeKind.AppointmentSlip, "PH", 1), Numbered(januaryAgain));
        Assert.Equal((NoticeKind.AppointmentSlip, "PH", 2), Numbered(second));
        Assert.Equal((NoticeKind.AppointmentSlip, "PH", 1), Numbered(otherUnit));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_account_whose_scope_does_not_hold_the_cases_unit_neither_sees_nor_issues_its_notices(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        Guid caseId;
        await using (var setup = database.SystemScope())
        {
            caseId = await ReceiveAsync(setup.ServiceProvider.GetRequiredService<CaseWorkflow>(), "petition");
            Assert.True((await setup.ServiceProvider.GetRequiredService<CaseNotices>().IssueAsync(caseId, Slip("2026-11-03", "2026-11-10"), cancellationToken: Cancel)).Succeeded);
        }

        var ward = await PetitionRecords.UnitIdAsync(database, "10015", Received);
        await using var scope = database.UserScope("officer.chuongmy", Roles.Officer, ward);
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var noticeId = (await scope.ServiceProvider.GetRequiredService<OversightDbContext>().CaseNotices.SingleAsync(Cancel)).Id;

        var issued = await notices.IssueAsync(caseId, Slip("2026-11-04", "2026-11-11"), cancellationToken: Cancel);
        var rendered = await notices.RenderAsync(caseId, noticeId, english: false, Cancel);

        Assert.True(issued.NotFound);
        Assert.Null(rendered);
        await using var check = database.SystemScope();
        Assert.Equal(1, await check.ServiceProvider.GetRequiredService<OversightDbContext>().CaseNotices.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_wrong_input_names_its_field_and_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var open = await ReceiveAsync(workflow, "complaint");
        var rejected = await ReceiveAsync(workflow, "complaint");
        Assert.True((await workflow.RejectAsync(rejected, new DateOnly(2026, 11, 5), "Không đủ điều kiện.", cancellationToken: Cancel)).Succeeded);
        var stamp = (await workflow.FindAsync(open, Cancel))!.ConcurrencyStamp;
        long audit;
        await using (var before = database.SystemScope())
        {
            audit = await before.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.LongCountAsync(Cancel);
        }

        var attempts = new (Guid Case, NoticeRequest Request, string Field, string Key)[]
        {
            (open, Notice("summons", "2026-11-05"), "kind", "NotOneOf"),
            (open, Slip("2026-11-26", "2026-11-30"), "issuedOn", "InTheFuture"),
            (open, Slip("2026-11-01", "2026-11-09"), "issuedOn", "BeforeDate"),
            (open, Slip("2026-11-05", "2026-11-04"), "appointmentOn", "AppointmentBeforeIssue"),
            (open, Slip("2026-11-05", null), "appointmentOn", "Required"),
            (open, Slip("2026-11-05", "2026-11-09") with { SignerName = " " }, "signerName", "Required"),
            (open, Slip("2026-11-05", "2026-11-09") with { SignerTitle = new string('A', 101) }, "signerTitle", "TooLong"),
            (rejected, Notice("refusal", "2026-11-05") with { Text = "Đã quá thời hiệu khiếu nại" }, "legalGround", "Required"),
            (rejected, Notice("refusal", "2026-11-05") with { LegalGround = "khoản 3 Điều 11 của Luật Khiếu nại" }, "text", "Required"),
        };
        foreach (var (caseId, request, field, key) in attempts)
        {
            var result = await notices.IssueAsync(caseId, request, cancellationToken: Cancel);
            Assert.False(result.Succeeded);
            Assert.Contains(result.Errors, e => e.Field == field && e.Key == key);
        }

        var stale = await notices.IssueAsync(open, Slip("2026-11-05", "2026-11-09"), Guid.NewGuid(), Cancel);
        Assert.Equal("ChangedMeanwhile", Assert.Single(stale.Errors).Key);
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(0, await db.CaseNotices.CountAsync(Cancel));
        Assert.Equal(audit, await db.AuditEntries.LongCountAsync(Cancel));
        Assert.Equal(stamp, (await db.Cases.SingleAsync(c => c.Id == open, Cancel)).ConcurrencyStamp);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_docx_has_the_state_header_the_number_and_the_citizen_and_no_placeholder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var workflow = scope.ServiceProvider.GetRequiredService<CaseWorkflow>();
        var notices = scope.ServiceProvider.GetRequiredService<CaseNotices>();
        var caseId = await ReceiveAsync(workflow, "complaint");
        Assert.True((await workflow.AcceptAsync(caseId, new DateOnly(2026, 11, 4), false, false, cancellationToken: Cancel)).Succeeded);
        var notice = (await notices.IssueAsync(caseId, Notice("acceptance", null), cancellationToken: Cancel)).Record!;

        var (_, document) = (await notices.RenderAsync(caseId, notice.Id, english: false, Cancel))!.Value;
        using var docx = new MemoryStream();
        DocxReportWriter.Write(document, docx);
        docx.Position = 0;
        using var word = WordprocessingDocument.Open(docx, false);
        var text = string.Join("\n", word.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));

        Assert.Contains("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nỦY BAN NHÂN DÂN\nXÃ QUẢNG BỊ\n", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", text);
        Assert.Contains("Số: 1/TB-UBND", text);
        Assert.Contains("Quảng Bị, ngày 25 tháng 11 năm 2026", text);
        Assert.Contains("THÔNG BÁO\nVề việc thụ lý giải quyết khiếu nại lần đầu", text);
        Assert.Contains("Kính gửi: Ông (bà) Nguyễn Thị Lan.", text);
        Assert.Contains("Ngày 02/11/2026, Ủy ban nhân dân xã Quảng Bị đã nhận được đơn khiếu nại của ông (bà) Nguyễn Thị Lan.", text);
        Assert.Contains("Địa chỉ: Thôn Đồng Tâm, xã Quảng Bị.", text);
        Assert.Contains("Đơn khiếu nại đã được thụ lý giải quyết kể từ ngày 04/11/2026.", text);
        Assert.Contains("CHỦ TỊCH", text);
        Assert.Contains("Trần Văn Bình", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("[", text);
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void The_shipped_forms_read_and_a_form_with_an_unknown_placeholder_is_refused()
    {
        var shipped = CaseNotices.FormOf(NoticeKind.ResolutionDecision);
        var (forms, errors) = NoticeForms.Parse("broken.json", """
            { "committee": { "vi": "Ủy ban nhân dân {unit}", "en": "People's Committee of {unit}", "symbol": "UBND", "source": { "citation": "x", "verified": false } },
              "caseKinds": { "petition": { "vi": "kiến nghị", "en": "petition" } },
              "forms": [ { "kind": "acceptance", "source": { "citation": "x", "verified": false }, "caseKinds": [ "petition", "denunciation" ], "symbol": "TB",
                "type": { "vi": "THÔNG BÁO", "en": "NOTICE" }, "paragraphs": [ { "vi": "Ông (bà) {petitioner}.", "en": "[Mr/Ms {citizen}" } ],
                "signer": { "vi": "CHỦ TỊCH", "en": "CHAIRPERSON" }, "recipients": [ { "vi": "- Lưu.", "en": "- File." } ] } ] }
            """);

        Assert.Equal("QĐ", shipped.Symbol);
        Assert.False(shipped.Source.Verified);
        Assert.Null(forms);
        Assert.Contains(errors, e => e.Contains("{petitioner} is not a placeholder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("square bracket", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("denunciation", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("none is of kind forwarding", StringComparison.Ordinal));
    }

    private static NoticeRequest Notice(string kind, string? issuedOn) => new(kind, issuedOn, null, "Trần Văn Bình");

    private static NoticeRequest Slip(string issuedOn, string? appointmentOn) =>
        Notice("appointment-slip", issuedOn) with { AppointmentOn = appointmentOn, Text = "Nhận kết quả giải quyết" };

    private static async Task<Guid> ReceiveAsync(CaseWorkflow workflow, string kind, string receivedOn = "2026-11-02", string unit = "10072")
    {
        var result = await workflow.ReceiveAsync(new CaseRequest(
            kind, unit, receivedOn, "mail", "Bồi thường khi thu hồi đất nông nghiệp", "Nội dung đơn.",
            new PetitionerDetails("Nguyễn Thị Lan", "Thôn Đồng Tâm, xã Quảng Bị", "0912 345 678")), Cancel);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Case!.Id;
    }

    private static (NoticeKind, string, int) Numbered(Records.RecordResult<CaseNotice> result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return (result.Record!.Kind, result.Record.Symbol, result.Record.Number);
    }

    private static (string, string) Refused(Records.RecordResult<CaseNotice> result)
    {
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        return (error.Field, error.Key);
    }
}
