using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Petitions;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Petitions;

public sealed class CaseImportTests
{
    private const string Header =
        "reference,kind,unit,received_on,channel,subject,content,petitioner_name,petitioner_address,petitioner_phone,petitioner_count,reception_session,"
        + "within_jurisdiction,accepted_on,complex,remote_area,forwarded_to,forwarded_on,guidance,assignee,extended_on,extension_reason,status,closed_on,outcome,repeat_of";

    private static readonly string[] GoodRows =
    [
        "277-2024-0001,complaint,277,2024-03-15,mail,Khiếu nại thu hồi đất,Khiếu nại quyết định thu hồi đất.,Lê Văn Cường,Xóm Chợ,0987654321,1,,yes,2024-03-20,no,no,,,,,,,resolved,2024-04-10,Giữ nguyên quyết định,",
        "277-2024-0002,petition,10060,2024-03-18,mail,Phản ánh đường làng,Đường làng xuống cấp.,Trần Thị Hạnh,,,3,,no,,,,Tòa án nhân dân huyện,2024-03-22,Hướng dẫn công dân nộp đơn tại Tòa án,,,,forwarded,,,",
        "277-2024-0003,denunciation,277,2024-11-20,mail,Tố cáo cán bộ địa chính,Nội dung tố cáo.,Người tố cáo,Xóm Mới,,1,,,,,,,,,,,,,,,",
        "277-2024-0004,denunciation,277,2024-05-02,mail,Tố cáo sai phạm thu hồi đất,Tố cáo lại.,Lê Văn Cường,Xóm Chợ,0987654321,1,,yes,2024-05-06,yes,no,,,,can-bo,2024-06-10,Vụ việc phức tạp,under-consideration,,,277-2024-0001",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]);

    private static async Task<ImportResult> ImportAsync(TestDatabase database, AsyncServiceScope scope, string fileName, Stream content, bool dryRun = false)
    {
        await using (scope)
        await using (content)
        {
            return await scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find("cases")!.ImportAsync(fileName, content, dryRun, cancellationToken: Cancel);
        }
    }

    private static async Task<TestDatabase> DatabaseWithUnitsAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        var added = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .AddUserAsync("can-bo", Roles.Officer, "277", new DateOnly(2024, 1, 1), "Mat-khau-du-dai-2024", "Cán bộ tiếp dân", Cancel);
        Assert.Null(added);
        return database;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_register_imports_through_the_workflow_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var csv = Csv(GoodRows);

        var first = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(csv));
        var audit = await database.AuditEntryCountAsync();
        var second = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(csv));

        first.AssertSucceeded();
        Assert.Equal(new ImportTally("cases", 4, 0, 0), first.Tally("cases"));
        Assert.Equal(new ImportTally("cases", 0, 0, 4), second.Tally("cases"));
        Assert.Equal(audit, await database.AuditEntryCountAsync());
        await using var check = database.SystemScope();
        var cases = await check.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.Include(c => c.Steps).Include(c => c.Extensions)
            .AsSplitQuery().ToDictionaryAsync(c => c.Reference, Cancel);
        var resolved = cases["277-2024-0001"];
        Assert.Equal((CaseStatus.Resolved, true, new DateOnly(2024, 4, 10)), (resolved.Status, resolved.WithinJurisdiction, resolved.ClosedOn));
        // 30 days from Wed 20 Mar 2024 (Law on Complaints 2011): Fri 19 Apr.
        Assert.Equal(new DateOnly(2024, 4, 19), resolved.DueOn);
        Assert.Equal([CaseAction.Received, CaseAction.Accepted, CaseAction.Resolved], resolved.Steps.OrderBy(s => s.On).ThenBy(s => s.RecordedAt).Select(s => s.Action));
        Assert.Equal((CaseStatus.Forwarded, false, "Tòa án nhân dân huyện", 3), (cases["277-2024-0002"].Status, cases["277-2024-0002"].WithinJurisdiction, cases["277-2024-0002"].ForwardedTo, cases["277-2024-0002"].PetitionerCount));
        var denunciation = cases["277-2024-0003"];
        Assert.Equal((CaseStatus.Received, null), (denunciation.Status, denunciation.PetitionerName));
        Assert.NotNull(denunciation.ProtectedIdentity);
        Assert.NotNull(denunciation.AcceptanceDueOn);
        var repeat = cases["277-2024-0004"];
        Assert.Equal((CaseStatus.UnderConsideration, resolved.Id, true), (repeat.Status, repeat.RepeatOfCaseId, repeat.Complex));
        Assert.NotNull(repeat.AssigneeUserId);
        Assert.Equal(new DateOnly(2024, 6, 10), Assert.Single(repeat.Extensions).GrantedOn);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Imported_cases_are_audited_record_by_record_and_their_facts_equal_a_recount(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var audit = await db.AuditEntries.MaxAsync(e => (long?)e.Id, Cancel) ?? 0;

        (await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv(GoodRows)))).AssertSucceeded();

        var cases = await db.Cases.Include(c => c.Steps).Include(c => c.Extensions).AsSplitQuery().ToListAsync(Cancel);
        var records = cases.Select(c => ("CitizenCase", c.Id.ToString()))
            .Concat(cases.SelectMany(c => c.Steps).Select(s => ("CaseStep", s.Id.ToString())))
            .Concat(cases.SelectMany(c => c.Extensions).Select(e => ("CaseExtension", e.Id.ToString())));
        // The first denunciation's encryption made the Data Protection key, audited on its own.
        var entries = await db.AuditEntries.Where(e => e.Id > audit && e.EntityType != "DataProtectionKey").ToListAsync(Cancel);
        Assert.Equal(records.Order(), entries.Select(e => (e.EntityType, e.EntityId)).Order());
        Assert.All(entries, e => Assert.Equal(("create", "importer"), (e.Action, e.Actor)));
        var resolved = cases.Single(c => c.Reference == "277-2024-0001");
        Assert.Contains("\"Status\":\"resolved\"", entries.Single(e => e.EntityId == resolved.Id.ToString()).After, StringComparison.Ordinal);

        var checkResult = await check.ServiceProvider.GetRequiredService<FactCheck>().CheckAsync(null, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Cancel);
        Assert.Empty(checkResult!.Differences);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_rows_write_nothing_and_every_error_names_its_row_and_column(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var csv = Csv(
            GoodRows[0],
            "277-2024-0010,complaint,999,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,,,,",
            "277-2024-0011,complaint,277,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,2024-03-10,,,,,,,,,accepted,,,",
            "277-2024-0012,petition,277,15/03/2024,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,resolved,,,",
            GoodRows[0]);
        var audit = await database.AuditEntryCountAsync();

        var result = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(csv));

        Assert.Equal(
            [(3, "unit"), (4, "accepted_on"), (5, "received_on"), (6, "reference")],
            result.Places());
        Assert.Contains("no unit you may act for has code 999 on 2024-03-15", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-10 is before 2024-03-15", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(result.Tallies);
        Assert.Equal(audit, await database.AuditEntryCountAsync());
        await using var check = database.SystemScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.AnyAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_failing_after_a_batch_was_written_leaves_nothing_and_a_precedent_is_found_across_batches(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        // More new cases than a batch of the bulk path and a chunk of rows read back, received before the two rows put
        // above them in the file: rows are written in the order of their dates, so the precedent is drafted first and the
        // row that fails is written last.
        var batch = Enumerable.Range(0, 10_001).Select(i => $"277-2025-{i:00000},petition,10060,2024-03-15,mail,Phản ánh,Nội dung.,Nguyễn Văn An,,,1,,,,,,,,,,,,,,,").ToArray();
        var precedent = "277-2025-99998,petition,10060,2024-04-01,mail,Phản ánh lại,Nội dung.,Nguyễn Văn An,,,1,,,,,,,,,,,,,,,277-2025-00000";
        var outOfScope = "277-2025-99999,petition,999,2024-04-02,mail,Phản ánh,Nội dung.,Nguyễn Văn An,,,1,,,,,,,,,,,,,,,";
        var audit = await database.AuditEntryCountAsync();
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var facts = await db.Set<IndicatorFact>().CountAsync(Cancel);

        var failed = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv([precedent, outOfScope, .. batch])));

        Assert.Equal([(3, "unit")], failed.Places());
        Assert.False(await db.Cases.AnyAsync(Cancel));
        Assert.Equal(facts, await db.Set<IndicatorFact>().CountAsync(Cancel));
        Assert.Equal(audit, await database.AuditEntryCountAsync());

        var imported = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv([precedent, .. batch])));

        Assert.Equal(new ImportTally("cases", batch.Length + 1, 0, 0), imported.Tally("cases"));
        var first = await db.Cases.SingleAsync(c => c.Reference == "277-2025-00000", Cancel);
        Assert.Equal(first.Id, (await db.Cases.SingleAsync(c => c.Reference == "277-2025-99998", Cancel)).RepeatOfCaseId);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_recorded_case_is_not_rewritten_and_facts_that_contradict_the_status_are_reported(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        (await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv(GoodRows[0])))).AssertSucceeded();

        var result = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv(
            GoodRows[0].Replace("Giữ nguyên quyết định", "Hủy quyết định", StringComparison.Ordinal),
            "277-2024-0020,complaint,277,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,no,2024-03-20,,,,,,,,,resolved,,,")));

        Assert.Equal([(2, null), (3, "closed_on"), (3, "within_jurisdiction")], result.Places());
        Assert.Equal("register number 277-2024-0001 already exists with different outcome; an import does not rewrite a case's history", result.Errors[0].Message);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_imports_within_their_scope_and_a_row_outside_it_fails(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var totDong = await PetitionRecords.UnitIdAsync(database, "10060", new DateOnly(2024, 1, 1));
        var csv = Csv(
            "277-2024-0030,petition,10060,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,,,,",
            "277-2024-0031,petition,10072,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,,,,");

        var outside = await ImportAsync(database, database.UserScope("officer", Roles.Officer, totDong), "cases.csv", ImportTesting.Utf8(csv));
        var inside = await ImportAsync(database, database.UserScope("officer", Roles.Officer, totDong), "cases.csv", ImportTesting.Utf8(Csv(
            "277-2024-0030,petition,10060,2024-03-15,mail,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,,,,")));

        Assert.Equal([(3, "unit")], outside.Places());
        Assert.Equal(new ImportTally("cases", 1, 0, 0), inside.Tally("cases"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_xlsx_register_with_date_cells_imports_like_the_csv(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var columns = Header.Split(',');
        var row = GoodRows[0].Split(',').Select<string, object?>((cell, i) => columns[i] is "received_on" or "accepted_on" or "closed_on" ? DateTime.Parse(cell, System.Globalization.CultureInfo.InvariantCulture) : cell).ToArray();
        var path = ImportTesting.WriteXlsx([columns, row]);

        var result = await ImportAsync(database, database.SystemScope("importer"), "cases.xlsx", File.OpenRead(path));
        var again = await ImportAsync(database, database.SystemScope("importer"), "cases.csv", ImportTesting.Utf8(Csv(GoodRows[0])));

        Assert.Equal(new ImportTally("cases", 1, 0, 0), result.Tally("cases"));
        Assert.Equal(new ImportTally("cases", 0, 0, 1), again.Tally("cases"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sessions_cases_and_meetings_import_in_turn_and_a_corrected_session_is_updated(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var sessions = ImportTesting.WriteTempFile("sessions.csv",
            """
            reference,unit,held_on,host_name,host_person_code,host_role,kind,visits,people,note
            TCD-2024-001,277,2024-03-15,Nguyễn Văn Bình,,party-secretary,regular,2,3,Tiếp công dân định kỳ
            """);
        var cases = ImportTesting.WriteTempFile("cases.csv", Csv(
            "277-2024-0040,complaint,277,2024-03-15,reception-session,Khiếu nại,Nội dung.,Lê Văn Cường,,,2,TCD-2024-001,,,,,,,,,,,,,,"));
        var meetings = ImportTesting.WriteTempFile("meetings.csv",
            """
            reference,unit,level,held_on,topic,participants,participant_note,outcome,cases
            DT-2024-001,277,district,2024-04-02,Đối thoại về thu hồi đất,30,Lãnh đạo huyện và các hộ dân,Thống nhất phương án,277-2024-0040
            """);

        var sessionRun = await RunAsync(database, "import", "reception-sessions", sessions);
        var caseRun = await RunAsync(database, "import", "cases", cases);
        var meetingRun = await RunAsync(database, "import", "dialogue-meetings", meetings);
        var meetingAgain = await RunAsync(database, "import", "dialogue-meetings", meetings);
        File.WriteAllText(sessions, File.ReadAllText(sessions).Replace(",2,3,", ",2,4,", StringComparison.Ordinal));
        var corrected = await RunAsync(database, "import", "reception-sessions", sessions);

        Assert.Equal((0, $"{sessions}: 1 rows imported. reception-sessions: 1 created, 0 updated, 0 unchanged."), (sessionRun.ExitCode, sessionRun.Output.Trim()));
        Assert.Equal((0, $"{cases}: 1 rows imported. cases: 1 created, 0 updated, 0 unchanged."), (caseRun.ExitCode, caseRun.Output.Trim()));
        Assert.Equal((0, $"{meetings}: 1 rows imported. dialogue-meetings: 1 created, 0 updated, 0 unchanged."), (meetingRun.ExitCode, meetingRun.Output.Trim()));
        Assert.Contains("0 created, 0 updated, 1 unchanged", meetingAgain.Output, StringComparison.Ordinal);
        Assert.Contains("0 created, 1 updated, 0 unchanged", corrected.Output, StringComparison.Ordinal);
        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var session = await db.ReceptionSessions.SingleAsync(Cancel);
        Assert.Equal(4, session.People);
        Assert.Equal(session.Id, (await db.Cases.SingleAsync(Cancel)).ReceptionSessionId);
        Assert.Single(await db.DialogueMeetingCases.ToListAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_cases_on_the_command_line_prints_each_error_and_exits_1(DatabaseProvider provider)
    {
        await using var database = await DatabaseWithUnitsAsync(provider);
        var file = ImportTesting.WriteTempFile("cases.csv", Csv(
            GoodRows[0],
            "277-2024-0050,complaint,277,2024-03-15,fax,Tiêu đề,Nội dung.,Lê Văn Cường,,,1,,,,,,,,,,,,,,,"));

        var failed = await RunAsync(database, "import", "cases", file);
        var dryRun = await RunAsync(database, "import", "cases", ImportTesting.WriteTempFile("cases.csv", Csv(GoodRows[0])), "--dry-run");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(
            [
                $"{file}:3: column channel: 'fax' is not one of: reception-session, mail, public-web, app, forwarded-in",
                $"{file}: 1 error(s); nothing was imported.",
            ],
            failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("Would write cases: 1 created", dryRun.Output, StringComparison.Ordinal);
        await using var check = database.SystemScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<OversightDbContext>().Cases.AnyAsync(Cancel));
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], new StringReader(""), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
