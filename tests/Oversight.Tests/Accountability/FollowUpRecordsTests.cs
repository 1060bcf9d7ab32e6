using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Records;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Accountability;

/// <summary>The records after an inspection's decision: study completed per unit, the appendix, findings, the conclusion and its tasks.</summary>
public sealed class FollowUpRecordsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A surprise inspection under 24-CT/TU concluded on 20 Jun 2024, and a thematic one with no directive, not concluded.</summary>
    private const string Inspections =
        """
        reference,kind,deciding_unit,decision_number,decided_on,title,directive,period_from,period_to,concluded_on,conclusion,team_lead,team,target_units,target_organisations,target_members
        KT-2024-001,surprise,277,412-QĐ/HU,2024-03-01,Kiểm tra đột xuất việc thực hiện Chỉ thị 24-CT/TU,24-CT/TU,,,2024-06-20,Còn chậm giải quyết hồ sơ,,,10063;10096,10063-CB01,CM-0001
        KT-2024-002,thematic,277,,2024-03-01,Kiểm tra chuyên đề công tác tiếp công dân,,,,,,,,10063,,
        """;

    /// <summary>An item before its group: groups are written first.</summary>
    private const string Manifestations =
        """
        directive,code,text
        24-CT/TU,1.1,"Né tránh, đùn đẩy, sợ trách nhiệm"
        24-CT/TU,1,Biểu hiện về tinh thần trách nhiệm
        24-CT/TU,1.2,Chậm giải quyết công việc của người dân
        """;

    private const string Findings =
        """
        inspection,target,text,manifestations
        KT-2024-001,10063,Chậm giải quyết hồ sơ hành chính,1.1;1.2
        KT-2024-001,CM-0001,Né tránh trách nhiệm khi xử lý vi phạm,1.2
        KT-2024-001,,Chưa kịp thời sơ kết việc thực hiện Chỉ thị,
        """;

    private const string Tasks =
        """
        reference,inspection,owner_unit,description,due_on
        NV-001,KT-2024-001,10063,Giải quyết dứt điểm hồ sơ tồn đọng,2024-09-30
        NV-002,KT-2024-001,10096,Rà soát quy trình tiếp nhận hồ sơ,2024-12-31
        """;

    private const string CompletionsHeader = "directive,unit,completed_on,members_reached";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_import_writes_once_importing_it_again_changes_nothing_and_a_changed_row_corrects_its_record(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithInspectionsAsync(provider);
        await MarkCatalogueIllustrativeAsync(database, "24-CT/TU");
        var completions = ImportTesting.WriteXlsx(
        [
            ["directive", "unit", "completed_on", "members_reached"],
            ["24-CT/TU", 10063d, new DateTime(2023, 9, 20), 118d],
            ["24-CT/TU", "10096-DU", null, null],
            ["39-CT/HU", "10063-CB01", "2023-09-25", "40"],
        ]);
        var tasks = ImportTesting.WriteTempFile("follow-up-tasks.csv", Tasks);

        async Task<(List<ImportResult> Imports, (int ExitCode, string Output, string Error) Tasks)> ImportAllAsync() =>
        ([
            await database.ImportCsvAsync("manifestations", Manifestations),
            await database.ImportXlsxAsync("dissemination-completions", completions),
            await database.ImportCsvAsync("findings", Findings),
        ], await database.RunAsync("import", "follow-up-tasks", tasks));

        var (first, taskRun) = await ImportAllAsync();
        var audited = await database.AuditEntryCountAsync();
        var (again, taskRunAgain) = await ImportAllAsync();
        var unchangedAudit = await database.AuditEntryCountAsync();
        var completed = await database.ImportCsvAsync("dissemination-completions", CompletionsHeader + "\n24-CT/TU,10096-DU,2023-09-28,95\n");
        var recoded = await database.ImportCsvAsync("findings", Findings.Replace("1.1;1.2", "1.1", StringComparison.Ordinal));

        Assert.All(first.Concat(again).Append(completed).Append(recoded), r => r.AssertSucceeded());
        Assert.Equal([3, 3, 3], first.Select(r => r.Tallies.Single().Created));
        Assert.Equal((0, $"{tasks}: 2 rows imported. follow-up-tasks: 2 created, 0 updated, 0 unchanged."), (taskRun.ExitCode, taskRun.Output.Trim()));
        Assert.All(again, r => Assert.Equal((0, 0, 3), (r.Tallies.Single().Created, r.Tallies.Single().Updated, r.Tallies.Single().Unchanged)));
        Assert.Equal((0, $"{tasks}: 2 rows imported. follow-up-tasks: 0 created, 0 updated, 2 unchanged."), (taskRunAgain.ExitCode, taskRunAgain.Output.Trim()));
        Assert.Equal(audited, unchangedAudit);
        Assert.Equal((0, 1), (completed.Tallies.Single().Created, completed.Tallies.Single().Updated));
        Assert.Equal((0, 1, 2), (recoded.Tallies.Single().Created, recoded.Tallies.Single().Updated, recoded.Tallies.Single().Unchanged));

        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var directive = await db.Directives.Include(d => d.Manifestations).SingleAsync(d => d.Symbol == "24-CT/TU", Cancel);
        Assert.False(directive.CatalogueIsIllustrative);
        Assert.Equal(["1", "1.1", "1.2"], directive.Manifestations.Select(m => m.Code).Order());
        Assert.Equal("Né tránh, đùn đẩy, sợ trách nhiệm", directive.Manifestations.Single(m => m.Code == "1.1").Text);
        var lamDien = await database.UnitIdAsync("10063");
        var dongPhu = await database.UnitIdAsync("10096-DU");
        var study = await db.DisseminationCompletions.Where(c => c.DirectiveId == directive.Id).ToListAsync(Cancel);
        Assert.Equal((new DateOnly(2023, 9, 20), 118), study.Where(c => c.UnitId == lamDien).Select(c => (c.CompletedOn, c.MembersReached)).Single());
        Assert.Equal((new DateOnly(2023, 9, 28), 95), study.Where(c => c.UnitId == dongPhu).Select(c => (c.CompletedOn, c.MembersReached)).Single());
        var inspection = await db.Inspections.Include(i => i.Targets).Include(i => i.Findings).ThenInclude(f => f.Manifestations).SingleAsync(i => i.Reference == "KT-2024-001", Cancel);
        var kinds = inspection.Findings.OrderBy(f => f.Text, StringComparer.Ordinal).Select(f => (inspection.Targets.SingleOrDefault(t => t.Id == f.TargetId)?.Kind, f.Manifestations.Count));
        Assert.Equal([(null, 0), ((TargetKind?)TargetKind.Unit, 1), (TargetKind.PartyMember, 1)], kinds);
        var owners = await db.FollowUpTasks.OrderBy(t => t.Reference).Select(t => new { t.OwnerUnitId, t.InspectionId, t.Status }).ToListAsync(Cancel);
        Assert.Equal([(lamDien, inspection.Id, FollowUpStatus.Open), (await database.UnitIdAsync("10096"), inspection.Id, FollowUpStatus.Open)], owners.Select(t => (t.OwnerUnitId, t.InspectionId, t.Status)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_file_writes_nothing_and_names_file_row_and_column_of_each_error(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithInspectionsAsync(provider);
        (await database.ImportCsvAsync("manifestations", Manifestations)).AssertSucceeded();
        var audited = await database.AuditEntryCountAsync();

        var manifestations = await database.ImportCsvAsync("manifestations", "directive,code,text\n24-CT/TU,2.1,Lãng phí\n24-CT/TU,1.a,Hình thức\n99-CT/XX,1,Khác\n24-CT/TU,3,Nhóm ba\n");
        var completions = await database.ImportCsvAsync("dissemination-completions", CompletionsHeader + "\n24-CT/TU,10063,2023-08-01,10\n24-CT/TU,10096,2023-09-01,-5\n24-CT/TU,10063-CB01,2023-09-01,12\n24-CT/TU,10063-CB01,2023-09-02,12\n");
        var findings = await database.ImportCsvAsync("findings",
            "inspection,target,text,manifestations\nKT-2024-001,10063-UBND,Một,\nKT-2024-001,10063,Hai,9.9\nKT-2024-002,,Ba,1.1\nKT-2024-001,10063,Hai,1.1\nKT-2024-001,10096,Bốn,1.2\n");
        var tasks = await database.ImportCsvAsync("follow-up-tasks",
            "reference,inspection,owner_unit,description,due_on\nNV-010,KT-2024-002,10063,Việc A,2024-09-30\nNV-011,KT-2024-001,10063,Việc B,2024-06-01\nNV-012,KT-2024-001,99999,Việc C,2024-09-30\nNV-013,KT-2024-001,10063,Việc D,2024-09-30\n");

        Assert.Equal([(2, "code"), (3, "code"), (4, "directive")], manifestations.Places());
        Assert.Equal(["RecordError.GroupNotFound", "RecordError.NotAManifestationCode", "RecordError.DirectiveNotFound"], manifestations.Errors.Select(e => e.Key));
        Assert.Equal([(2, "completed_on"), (3, "members_reached"), (5, "unit")], completions.Places());
        Assert.Equal("dissemination-completions.csv:5: column unit: 24-CT/TU, 10063-CB01 is also on row 4; give each record one row", completions.Errors[^1].ToString());
        Assert.Equal([(2, "target"), (3, "manifestations"), (4, "manifestations"), (5, "text")], findings.Places());
        Assert.Equal(
            ["findings.csv:2: column target: 10063-UBND is not a target of inspection KT-2024-001", "findings.csv:3: column manifestations: directive 24-CT/TU has no manifestation 9.9 in its appendix",
             "findings.csv:4: column manifestations: inspection KT-2024-002 names no directive, so there is no appendix to cite"],
            findings.Errors.Take(3).Select(e => e.ToString()));
        Assert.Equal([(2, "inspection"), (3, "due_on"), (4, "owner_unit")], tasks.Places());
        Assert.Equal(
            ["follow-up-tasks.csv:2: column inspection: inspection KT-2024-002 has no conclusion yet; follow-up tasks are set by a conclusion",
             "follow-up-tasks.csv:3: column due_on: 2024-06-01 is before 2024-06-20, when the inspection was concluded"],
            tasks.Errors.Take(2).Select(e => e.ToString()));
        Assert.Equal(audited, await database.AuditEntryCountAsync());
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal((3, 0, 0, 0), (await db.Manifestations.CountAsync(Cancel), await db.DisseminationCompletions.CountAsync(Cancel), await db.Findings.CountAsync(Cancel), await db.FollowUpTasks.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_records_only_within_their_scope_and_only_an_administrator_enters_the_appendix(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithInspectionsAsync(provider);
        var officer = ("officer", await database.UnitIdAsync("10063"));

        var mixed = await database.ImportCsvAsync("dissemination-completions", CompletionsHeader + "\n24-CT/TU,10063,2023-09-20,118\n24-CT/TU,10096,2023-09-20,95\n", officer);
        var own = await database.ImportCsvAsync("dissemination-completions", CompletionsHeader + "\n24-CT/TU,10063,2023-09-20,118\n", officer);
        var tasks = await database.ImportCsvAsync("follow-up-tasks", Tasks, officer);
        var findings = await database.ImportCsvAsync("findings", "inspection,target,text,manifestations\nKT-2024-001,10063,Chậm giải quyết hồ sơ,\n", officer);
        var appendix = await database.ImportCsvAsync("manifestations", Manifestations, officer);
        await using var scope = database.UserScope(officer.Item1, Roles.Officer, officer.Item2);
        var records = scope.ServiceProvider.GetRequiredService<AccountabilityRecords>();
        var entered = await records.RecordManifestationAsync(new("24-CT/TU", "1", "Biểu hiện về tinh thần trách nhiệm"), cancellationToken: Cancel);
        var inspection = await DirectlyAsync(database, db => db.Inspections.SingleAsync(i => i.Reference == "KT-2024-001", Cancel));
        var concluded = await records.ConcludeAsync(inspection.Id, new("2024-06-21", "Kết luận khác"), cancellationToken: Cancel);

        Assert.Equal([(3, "unit")], mixed.Places());
        Assert.Equal("RecordError.UnitNotFound", mixed.Errors[0].Key);
        own.AssertSucceeded();
        Assert.Equal([(2, "inspection"), (3, "inspection")], tasks.Places());
        Assert.Equal("RecordError.InspectionNotFound", tasks.Errors[0].Key);
        Assert.Equal([(2, "inspection")], findings.Places());
        Assert.Equal("manifestations.csv: only an administrator may import manifestations", Assert.Single(appendix.Errors).ToString());
        Assert.Equal("AppendixAdministratorsOnly", Assert.Single(entered.Errors).Key);
        Assert.True(concluded.NotFound);
        Assert.Equal(1, await DirectlyAsync(database, db => db.DisseminationCompletions.CountAsync(Cancel)));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_task_needs_a_concluded_inspection_and_a_deadline_not_before_the_conclusion_which_then_holds(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithInspectionsAsync(provider);
        await using var scope = database.SystemScope();
        var records = scope.ServiceProvider.GetRequiredService<AccountabilityRecords>();
        var inspection = (await records.FindInspectionAsync("KT-2024-002", Cancel))!;
        FollowUpTaskRequest Task(string? reference, string inspection, string description, string dueOn) => new(reference, inspection, "10063", description, dueOn);
        static string Errors<T>(RecordResult<T> result) where T : class => string.Join("; ", result.Errors.Select(e => $"{e.Field}:{e.Key}"));

        var notConcluded = await records.CreateTaskAsync(Task(null, "KT-2024-002", "Việc 1", "2024-09-30"), Cancel);
        var conclusion = await records.ConcludeAsync(inspection.Id, new("2024-06-10", "Cần khắc phục chậm trễ trong tiếp công dân"), cancellationToken: Cancel);
        var sameConclusion = await records.ConcludeAsync(inspection.Id, new("2024-06-10", "Cần khắc phục chậm trễ trong tiếp công dân"), cancellationToken: Cancel);
        var noText = await records.ConcludeAsync(inspection.Id, new("2024-02-01", null), cancellationToken: Cancel);
        var early = await records.CreateTaskAsync(Task(null, "KT-2024-002", "Việc 1", "2024-06-09"), Cancel);
        var first = await records.CreateTaskAsync(Task(null, "KT-2024-002", "Việc 1", "2024-06-30"), Cancel);
        var second = await records.CreateTaskAsync(Task("", "KT-2024-002", "Việc 2", "2024-07-31"), Cancel);
        var taken = await records.CreateTaskAsync(Task("NV-KT-2024-002-01", "KT-2024-002", "Việc 3", "2024-07-31"), Cancel);
        var later = await records.ConcludeAsync(inspection.Id, new("2024-07-01", "Kết luận"), cancellationToken: Cancel);
        var removed = await records.UpdateInspectionAsync(inspection.Id,
            new("KT-2024-002", "thematic", "277", null, "2024-03-01", "Kiểm tra chuyên đề công tác tiếp công dân", TargetUnits: ["10063"]), cancellationToken: Cancel);
        var moved = await records.UpdateTaskAsync(first.Record!.Id, Task(null, "KT-2024-001", "Việc 1", "2024-06-30"), cancellationToken: Cancel);
        var unchanged = await records.UpdateTaskAsync(first.Record!.Id, Task(null, "KT-2024-002", "Việc 1", "2024-06-30"), cancellationToken: Cancel);
        var corrected = await records.UpdateTaskAsync(first.Record!.Id, Task(null, null!, "Việc 1, làm rõ", "2024-07-15"), cancellationToken: Cancel);

        Assert.Equal("inspection:NotConcluded", Errors(notConcluded));
        Assert.True(conclusion.Succeeded && conclusion.Changed);
        Assert.True(sameConclusion.Succeeded && !sameConclusion.Changed);
        Assert.Equal("concludedOn:BeforeDate; conclusion:Required", Errors(noText));
        Assert.Equal("dueOn:BeforeConclusion", Errors(early));
        Assert.Equal(("NV-KT-2024-002-01", "NV-KT-2024-002-02"), (first.Record!.Reference, second.Record!.Reference));
        Assert.Equal("reference:AlreadyRecorded", Errors(taken));
        Assert.Equal("concludedOn:TaskBeforeConclusion", Errors(later));
        Assert.Equal("follow-up task NV-KT-2024-002-01 is due, or has progress recorded, before 2024-07-01", later.Errors[0].Message);
        Assert.Equal("concludedOn:ConclusionSetTasks", Errors(removed));
        Assert.Equal("inspection:StaysWithInspection", Errors(moved));
        Assert.True(unchanged.Succeeded && !unchanged.Changed);
        Assert.True(corrected.Succeeded && corrected.Changed);
        Assert.Equal((new DateOnly(2024, 7, 15), new DateOnly(2024, 6, 10)), await DirectlyAsync(database, async db =>
            (await db.FollowUpTasks.Where(t => t.Reference == "NV-KT-2024-002-01").Select(t => t.DueOn).SingleAsync(Cancel),
             (await db.Inspections.SingleAsync(i => i.Id == inspection.Id, Cancel)).ConcludedOn!.Value)));
    }

    private static async Task<TestDatabase> DatabaseWithInspectionsAsync(DatabaseProvider provider)
    {
        var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        (await database.ImportCsvAsync("inspections", Inspections)).AssertSucceeded();
        return database;
    }

    private static async Task MarkCatalogueIllustrativeAsync(TestDatabase database, string symbol)
    {
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        (await db.Directives.SingleAsync(d => d.Symbol == symbol, Cancel)).CatalogueIsIllustrative = true;
        await db.SaveChangesAsync(Cancel);
    }

    private static async Task<T> DirectlyAsync<T>(TestDatabase database, Func<OversightDbContext, Task<T>> query)
    {
        await using var scope = database.SystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<OversightDbContext>());
    }
}
