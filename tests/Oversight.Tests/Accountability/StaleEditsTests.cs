using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Records;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Accountability;

/// <summary>No lost updates: a correction of an accountability record made on a copy read before someone else's save is refused.</summary>
public sealed class StaleEditsTests
{
    private static readonly DirectiveRequest Directive = new("40-CT/HU", "277", "Ban Thường vụ Huyện ủy Chương Mỹ", "2024-02-01", "Về tăng cường công tác tiếp công dân");

    private static readonly DisseminationRequest Dissemination =
        new("QT-2024-01", "277", "2024-02-15", true, "Hội nghị quán triệt Chỉ thị 39-CT/HU", ["39-CT/HU"], [new("10063", 120, 118)]);

    private static readonly InspectionRequest Inspection = new(
        "KT-2024-05", "thematic", "277", "501-QĐ/HU", "2024-04-01", "Kiểm tra chuyên đề việc thực hiện Chỉ thị 39-CT/HU", "39-CT/HU",
        ConcludedOn: "2024-07-19", Conclusion: "Yêu cầu khắc phục hạn chế", TargetUnits: ["10063"]);

    private static readonly FollowUpTaskRequest FollowUp = new("NV-01", "KT-2024-05", "10063", "Khắc phục hạn chế", "2024-09-30");

    private static readonly DisciplineRequest Decision = new("126-QĐ/HU", "2024-05-10", "standing-committee", "277", "organisation", null, "10063-CB01", "reprimand", "2023-12-01");

    private static readonly PersonnelMoveRequest Move = new(
        "DD-2024-05", "CM-0001", "transfer", "commune-vice-chairman", "10063-UBND", "Phó Chủ tịch UBND xã", "10096", "Phó Chủ tịch UBND xã", "2024-05-02", "planning", "277");

    /// <summary>Each kind of record, edited the way its form or its import corrects it.</summary>
    private static readonly Dictionary<string, StaleEdit> Kinds = new()
    {
        ["directive"] = StaleEdit.Of(
            s => Records(s).CreateDirectiveAsync(Directive, Cancel),
            (s, id, version, stamp) => Records(s).UpdateDirectiveAsync(id, Directive with { Summary = $"Tóm tắt, bản {version}" }, stamp, Cancel),
            (db, id) => db.Directives.Where(d => d.Id == id).Select(d => d.Summary).SingleAsync(Cancel)),
        ["directive task"] = StaleEdit.Of(
            s => Records(s).RecordDirectiveTaskAsync(new("39-CT/HU", 1, "Tổ chức học tập, quán triệt Chỉ thị", "2023-09-30"), cancellationToken: Cancel),
            (s, _, version, stamp) => Records(s).RecordDirectiveTaskAsync(new("39-CT/HU", 1, $"Tổ chức học tập, bản {version}", "2023-09-30"), stamp, Cancel),
            (db, id) => db.Set<DirectiveTask>().Where(t => t.Id == id).Select(t => (string?)t.Text).SingleAsync(Cancel)),
        ["appendix entry"] = StaleEdit.Of(
            s => Records(s).RecordManifestationAsync(new("24-CT/TU", "1", "Biểu hiện về tinh thần trách nhiệm"), cancellationToken: Cancel),
            (s, _, version, stamp) => Records(s).RecordManifestationAsync(new("24-CT/TU", "1", $"Biểu hiện về trách nhiệm, bản {version}"), stamp, Cancel),
            (db, id) => db.Manifestations.Where(m => m.Id == id).Select(m => (string?)m.Text).SingleAsync(Cancel)),
        ["dissemination event (its attendance only)"] = StaleEdit.Of(
            s => Records(s).CreateDisseminationAsync(Dissemination, Cancel),
            (s, id, version, stamp) => Records(s).UpdateDisseminationAsync(id, Dissemination with { Attendance = [new("10063", 120, 110 + version)] }, stamp, Cancel),
            async (db, id) => $"{await db.DisseminationAttendance.Where(a => a.EventId == id).Select(a => a.Attended).SingleAsync(Cancel)}"),
        ["study completed"] = StaleEdit.Of(
            s => Records(s).RecordCompletionAsync(new("39-CT/HU", "10063", "2023-09-20", 100), cancellationToken: Cancel),
            (s, _, version, stamp) => Records(s).RecordCompletionAsync(new("39-CT/HU", "10063", "2023-09-20", 100 + version), stamp, Cancel),
            async (db, id) => $"{await db.DisseminationCompletions.Where(c => c.Id == id).Select(c => c.MembersReached).SingleAsync(Cancel)}"),
        ["inspection"] = StaleEdit.Of(
            s => Records(s).CreateInspectionAsync(Inspection, Cancel),
            (s, id, version, stamp) => Records(s).UpdateInspectionAsync(id, Inspection with { Title = $"Kiểm tra chuyên đề, bản {version}" }, stamp, Cancel),
            (db, id) => db.Inspections.Where(i => i.Id == id).Select(i => (string?)i.Title).SingleAsync(Cancel)),
        ["conclusion"] = StaleEdit.Of(
            s => Records(s).CreateInspectionAsync(Inspection, Cancel),
            (s, id, version, stamp) => Records(s).ConcludeAsync(id, new("2024-07-19", $"Yêu cầu khắc phục, bản {version}"), stamp, Cancel),
            (db, id) => db.Inspections.Where(i => i.Id == id).Select(i => i.Conclusion).SingleAsync(Cancel)),
        ["finding"] = StaleEdit.Of(
            async s => await Records(s).CreateInspectionAsync(Inspection, Cancel) is { Succeeded: true }
                ? await Records(s).CreateFindingAsync(new("KT-2024-05", "10063", "Chậm giải quyết đơn thư"), Cancel)
                : throw new InvalidOperationException("no inspection"),
            (s, id, version, stamp) => Records(s).UpdateFindingAsync(id, new("KT-2024-05", "10063", $"Chậm giải quyết đơn thư, bản {version}"), stamp, Cancel),
            (db, id) => db.Findings.Where(f => f.Id == id).Select(f => (string?)f.Text).SingleAsync(Cancel)),
        ["follow-up task"] = StaleEdit.Of(
            RecordTaskAsync,
            (s, id, version, stamp) => Records(s).UpdateTaskAsync(id, FollowUp with { Description = $"Khắc phục hạn chế, bản {version}" }, stamp, Cancel),
            (db, id) => db.FollowUpTasks.Where(t => t.Id == id).Select(t => (string?)t.Description).SingleAsync(Cancel)),
        ["progress of a follow-up task"] = StaleEdit.Of(
            RecordTaskAsync,
            (s, id, version, stamp) => s.GetRequiredService<FollowUpTasks>().RecordProgressAsync(id, new("2024-09-10", $"Đã họp kiểm điểm, lần {version}", 50, false, []), stamp, Cancel),
            async (db, id) => string.Join("; ", await db.Set<TaskProgress>().Where(p => p.TaskId == id).Select(p => p.Note).ToListAsync(Cancel))),
        ["discipline decision"] = StaleEdit.Of(
            s => Records(s).CreateDecisionAsync(Decision, Cancel),
            (s, id, version, stamp) => Records(s).UpdateDecisionAsync(id, Decision with { Summary = $"Vi phạm quy định, bản {version}" }, stamp, Cancel),
            (db, id) => db.DisciplineDecisions.Where(d => d.Id == id).Select(d => d.Summary).SingleAsync(Cancel)),
        ["personnel move"] = StaleEdit.Of(
            s => Records(s).CreateMoveAsync(Move, Cancel),
            (s, id, version, stamp) => Records(s).UpdateMoveAsync(id, Move with { DecisionNumber = $"{version}-QĐ/UBND" }, stamp, Cancel),
            (db, id) => db.PersonnelMoves.Where(m => m.Id == id).Select(m => m.DecisionNumber).SingleAsync(Cancel)),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, string> ProvidersAndKinds
    {
        get
        {
            var cases = new TheoryData<DatabaseProvider, string>();
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL })
            {
                foreach (var kind in Kinds.Keys)
                {
                    cases.Add(provider, kind);
                }
            }

            return cases;
        }
    }

    [Theory, MemberData(nameof(ProvidersAndKinds))]
    public async Task An_edit_made_on_a_copy_read_before_someone_elses_save_is_refused_and_changes_nothing(DatabaseProvider provider, string kind)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        await Kinds[kind].AssertRefusedAsync(database);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_save_that_another_overtook_between_reading_and_saving_is_refused_even_when_it_changes_only_parts(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        Guid id;
        await using (var setup = database.SystemScope())
        {
            id = (await Records(setup.ServiceProvider).CreateDisseminationAsync(Dissemination, Cancel)).Record!.Id;
        }

        await using var first = database.SystemScope("first");
        var db = first.ServiceProvider.GetRequiredService<OversightDbContext>();
        var read = await db.DisseminationEvents.Include(e => e.Attendance).SingleAsync(e => e.Id == id, Cancel);
        await using (var second = database.SystemScope("second"))
        {
            Assert.True((await Records(second.ServiceProvider).UpdateDisseminationAsync(id, Dissemination with { Title = "Hội nghị quán triệt, sửa" }, cancellationToken: Cancel)).Changed);
        }

        var raced = await db.SaveEditAsync(read, read.ConcurrencyStamp, [], () => read.Attendance.Single().Attended = 100, Cancel);

        Assert.Equal("ChangedMeanwhile", Assert.Single(raced.Errors).Key);
        await using var check = database.SystemScope();
        var stored = await check.ServiceProvider.GetRequiredService<OversightDbContext>().DisseminationEvents.Include(e => e.Attendance).SingleAsync(Cancel);
        Assert.Equal(("Hội nghị quán triệt, sửa", 118), (stored.Title, stored.Attendance.Single().Attended));
    }

    private static AccountabilityRecords Records(IServiceProvider services) => services.GetRequiredService<AccountabilityRecords>();

    private static async Task<RecordResult<FollowUpTask>> RecordTaskAsync(IServiceProvider services) =>
        await Records(services).CreateInspectionAsync(Inspection, Cancel) is { Succeeded: true }
            ? await Records(services).CreateTaskAsync(FollowUp, Cancel)
            : throw new InvalidOperationException("no inspection");
}
