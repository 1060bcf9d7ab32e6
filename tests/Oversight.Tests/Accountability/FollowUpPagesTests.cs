using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Attachments;
using Oversight.Data;
using Oversight.Tests.Infrastructure;
using Oversight.Tests.Web;

namespace Oversight.Tests.Accountability;

/// <summary>
/// An inspection's page, and a follow-up task followed by the officer of its unit, with evidence, reported done and
/// accepted or returned by the inspecting body.
/// </summary>
public sealed class FollowUpPagesTests
{
    private static readonly DateOnly InspectionDay = new(2024, 7, 19);
    private static readonly byte[] Minutes = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_reports_a_task_done_with_evidence_only_the_units_scope_may_read_and_the_inspecting_body_returns_then_accepts_it_as_late(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-phungchau", Roles.Officer, "10021", InspectionDay);
        await factory.AddUserAsync("officer-totdong", Roles.Officer, "10060", InspectionDay);
        await factory.AddUserAsync("inspector-chuongmy", Roles.Inspector, "277", InspectionDay);
        var (inspectionId, taskId) = await IdsAsync(database, "NV-02");
        var officer = await PageSession.SignInAsync(factory, "officer-phungchau");
        var other = await PageSession.SignInAsync(factory, "officer-totdong");
        var inspector = await PageSession.SignInAsync(factory, "inspector-chuongmy");

        var (_, inspection) = await officer.GetAsync($"/inspections/{inspectionId}");
        Assert.Equal("Cuộc kiểm tra, giám sát KT-01", PageText.Of(inspection.QuerySelector("h1")));
        Assert.Equal(["NV-02"], inspection.QuerySelectorAll("table.follow-up tbody th a").Select(PageText.Of));
        var taskHref = inspection.QuerySelector("table.follow-up tbody th a")!.GetAttribute("href")!;
        Assert.Equal($"/tasks/{taskId}", taskHref);
        Assert.Empty(PageStructure.Problems("/inspections/{id}", inspection));

        var (_, form) = await officer.GetAsync(taskHref);
        Assert.Equal("Chưa thực hiện — Quá hạn", PageText.Definition(form, "Trạng thái"));
        Assert.Empty(PageStructure.Problems("/tasks/{id}", form));
        using var refused = await officer.SubmitAsync(form, new() { ["On"] = "2024-07-01", ["Note"] = " ", ["PercentComplete"] = "150" }, [("Evidence", "bien-ban.pdf", "MZ\x90\0"u8.ToArray())]);
        var refusedPage = await PageSession.ParseAsync(refused);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(
            [
                "Ngày: 01/07/2024 là trước ngày kết luận kiểm tra (19/07/2024)",
                "Ghi chú: không được để trống",
                "Tỷ lệ hoàn thành (%): 150 không nằm trong khoảng 0 đến 100",
                "Tài liệu minh chứng: tệp bien-ban.pdf không thuộc loại được lưu (.pdf, .docx, .xlsx, .jpg, .png), hoặc nội dung không khớp với tên tệp",
            ],
            refusedPage.QuerySelectorAll(".error-summary li").Select(PageText.Of));
        Assert.Equal("150", refusedPage.QuerySelector("#percentComplete")!.GetAttribute("value"));
        Assert.Empty(PageStructure.Problems("/tasks/{id} refused", refusedPage));
        await AssertStoredAsync(database, progress: 0, attachments: 0);

        using var progressed = await officer.SubmitAsync(form, new() { ["On"] = "2024-09-10", ["Note"] = "Đã họp kiểm điểm, lập kế hoạch khắc phục", ["PercentComplete"] = "50" }, [("Evidence", "Biên bản họp.pdf", Minutes)]);
        var (_, inProgress) = await officer.FollowAsync(progressed);
        Assert.Equal("Đang thực hiện — Quá hạn", PageText.Definition(inProgress, "Trạng thái"));
        var evidence = inProgress.QuerySelector("table.progress ul.evidence a")!;
        Assert.Equal("Biên bản họp.pdf", PageText.Of(evidence));

        using var download = await officer.Client.GetAsync(evidence.GetAttribute("href"), Cancel);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(Minutes, await download.Content.ReadAsByteArrayAsync(Cancel));
        using var foreign = await other.Client.GetAsync(evidence.GetAttribute("href"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(taskHref)).Status);

        Assert.Equal("Đã lưu tiến độ.", PageText.Of(inProgress.QuerySelector(".confirmation")));
        using var reported = await officer.SubmitAsync(inProgress, new() { ["On"] = "2024-11-04", ["Note"] = "Đã khắc phục", ["Done"] = "true" });
        var (_, waiting) = await officer.FollowAsync(reported);
        Assert.Equal("Đã báo cáo hoàn thành. Cơ quan kiểm tra sẽ xác nhận hoặc trả lại.", PageText.Of(waiting.QuerySelector(".confirmation")));
        Assert.Equal("Đã báo cáo hoàn thành, chờ xác nhận — Quá hạn", PageText.Definition(waiting, "Trạng thái"));
        Assert.Equal("04/11/2024", PageText.Definition(waiting, "Ngày đơn vị báo cáo hoàn thành"));
        Assert.Null(waiting.QuerySelector("main form[method=post]"));
        using var meanwhile = await officer.SubmitAsync(inProgress, new() { ["On"] = "2024-11-05", ["Note"] = "Bổ sung" });
        Assert.Equal(
            ["nhiệm vụ đã được báo cáo hoàn thành ngày 04/11/2024; chờ cơ quan kiểm tra xác nhận hoặc trả lại trước khi cập nhật thêm"],
            (await PageSession.ParseAsync(meanwhile)).QuerySelectorAll(".error-summary li").Select(PageText.Of));

        // The inspecting body answers: a return needs its reason.
        var (_, toVerify) = await inspector.GetAsync(taskHref);
        Assert.Empty(PageStructure.Problems("/tasks/{id} to verify", toVerify));
        using var noReason = await inspector.SubmitAsync(toVerify, new() { ["accept"] = "false" });
        Assert.Equal(["Lý do: không được để trống"], (await PageSession.ParseAsync(noReason)).QuerySelectorAll(".error-summary li").Select(PageText.Of));
        using var returned = await inspector.SubmitAsync(toVerify, new() { ["accept"] = "false", ["Reason"] = "Thiếu biên bản kiểm điểm" });
        var (_, again) = await inspector.FollowAsync(returned);
        Assert.Equal("Đã trả lại báo cáo kèm lý do; nhiệm vụ tiếp tục được thực hiện.", PageText.Of(again.QuerySelector(".confirmation")));
        Assert.Equal("Đang thực hiện — Quá hạn", PageText.Definition(again, "Trạng thái"));
        Assert.Equal("Trả lại, chưa đạt: Thiếu biên bản kiểm điểm", PageText.Of(again.QuerySelectorAll("table.progress tbody td.note").Last()));

        var (_, retry) = await officer.GetAsync(taskHref);
        using var finished = await officer.SubmitAsync(retry, new() { ["On"] = "2024-11-05", ["Note"] = "Đã bổ sung biên bản", ["Done"] = "true" });
        await officer.FollowAsync(finished);
        var (_, verify) = await inspector.GetAsync(taskHref);
        using var accepted = await inspector.SubmitAsync(verify, new() { ["accept"] = "true" });
        var (_, done) = await inspector.FollowAsync(accepted);
        Assert.Equal("Đã hoàn thành 05/11/2024 — muộn 5 ngày so với thời hạn", PageText.Definition(done, "Trạng thái"));
        Assert.Equal("05/11/2024", PageText.Definition(done, "Ngày hoàn thành"));
        Assert.Equal("inspector-chuongmy", PageText.Definition(done, "Người xác nhận hoàn thành"));
        Assert.Equal(["50%", "100%", "—", "100%", "—"], done.QuerySelectorAll("table.progress tbody td:nth-of-type(2)").Select(PageText.Of));
        Assert.Null(done.QuerySelector("main form[method=post]"));
        var closing = PageText.Of(done.QuerySelector("table.audit tbody tr"));
        Assert.Contains("inspector-chuongmy", closing, StringComparison.Ordinal);
        Assert.Contains("Trạng thái trước: Đã báo cáo hoàn thành, chờ xác nhận → sau: Đã hoàn thành", closing, StringComparison.Ordinal);
        await AssertStoredAsync(database, progress: 5, attachments: 1);
        using var late = await officer.SubmitAsync(inProgress, new() { ["On"] = "2024-11-06", ["Note"] = "Bổ sung" });
        Assert.Equal(
            ["nhiệm vụ đã hoàn thành ngày 05/11/2024; không cập nhật thêm tiến độ"],
            (await PageSession.ParseAsync(late)).QuerySelectorAll(".error-summary li").Select(PageText.Of));
        await AssertStoredAsync(database, progress: 5, attachments: 1);

        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var task = await db.FollowUpTasks.SingleAsync(t => t.Id == taskId, Cancel);
        Assert.Equal((FollowUpStatus.Done, new DateOnly(2024, 11, 5), "inspector-chuongmy", (DateOnly?)null), (task.Status, task.DoneOn, task.ClosedBy, task.ReportedDoneOn));
        var unit = await db.AuditEntries.Where(e => e.EntityType == nameof(FollowUpTask) && e.EntityId == taskId.ToString() && e.Action == "update").Select(e => e.UnitId).ToListAsync(Cancel);
        Assert.Equal(5, unit.Count);
        Assert.All(unit, u => Assert.Equal(task.OwnerUnitId, u));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Attachment) && e.UnitId == task.OwnerUnitId, Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_progress_update_whose_save_fails_keeps_no_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        var (_, taskId) = await IdsAsync(database, "NV-02");
        await using (var scope = database.SystemScope())
        {
            // Another save of the task, between reading it and saving, makes the save fail after the file was written.
            var tasks = scope.ServiceProvider.GetRequiredService<FollowUpTasks>();
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            db.SavingChanges += (_, _) => db.Database.ExecuteSql($"UPDATE \"FollowUpTasks\" SET \"ConcurrencyStamp\" = {Guid.NewGuid()} WHERE \"Id\" = {taskId}");
            var refused = await tasks.RecordProgressAsync(
                taskId, new ProgressRequest("2024-09-10", "Đã họp", 50, Done: false, [new Upload("bien-ban.pdf", Minutes.Length, () => new MemoryStream(Minutes))]), cancellationToken: Cancel);
            Assert.Equal("ChangedMeanwhile", Assert.Single(refused.Errors).Key);
        }

        Assert.Empty(Directory.Exists(database.AttachmentsRoot) ? Directory.EnumerateFiles(database.AttachmentsRoot, "*", SearchOption.AllDirectories) : []);
        await AssertStoredAsync(database, progress: 0, attachments: 0);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Progress_recorded_on_a_page_read_before_someone_elses_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await AccountabilitySummaryTests.AddRecordsAsync(database);
        await using var factory = new OversightWebFactory(database);
        await factory.AddUserAsync("officer-phungchau", Roles.Officer, "10021", InspectionDay);
        await factory.AddUserAsync("officer2-phungchau", Roles.Officer, "10021", InspectionDay);
        var (_, taskId) = await IdsAsync(database, "NV-02");

        await StaleEdit.AssertFormRefusedAsync(
            database, await PageSession.SignInAsync(factory, "officer-phungchau"), await PageSession.SignInAsync(factory, "officer2-phungchau"), $"/tasks/{taskId}",
            theirs: new() { ["On"] = "2024-09-10", ["Note"] = "Đã họp kiểm điểm, lập kế hoạch khắc phục", ["PercentComplete"] = "50" },
            mine: new() { ["On"] = "2024-09-12", ["Note"] = "Đã khắc phục xong", ["Done"] = "true" });

        await AssertStoredAsync(database, progress: 1, attachments: 0);
        await using var scope = database.SystemScope();
        var task = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().FollowUpTasks.SingleAsync(t => t.Id == taskId, Cancel);
        Assert.Equal((FollowUpStatus.InProgress, (DateOnly?)null), (task.Status, task.DoneOn));
    }

    private static async Task<(Guid Inspection, Guid Task)> IdsAsync(TestDatabase database, string reference)
    {
        await using var scope = database.SystemScope();
        var task = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().FollowUpTasks.SingleAsync(t => t.Reference == reference, Cancel);
        return (task.InspectionId, task.Id);
    }

    private static async Task AssertStoredAsync(TestDatabase database, int progress, int attachments)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal((progress, attachments), (await db.Set<TaskProgress>().CountAsync(Cancel), await db.Attachments.CountAsync(Cancel)));
        var files = Directory.Exists(database.AttachmentsRoot) ? Directory.EnumerateFiles(database.AttachmentsRoot, "*", SearchOption.AllDirectories).Count() : 0;
        Assert.Equal(attachments, files);
    }
}
