using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accountability;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Accountability;

public sealed class AccountabilityImportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Dissemination =
        """
        reference,organiser,held_on,online,title,directives,attendance
        QT-2023-001,277,2023-08-18,yes,Hội nghị trực tuyến quán triệt Chỉ thị 24-CT/TU,24-CT/TU,10063:120:118;10096:95:95
        """;

    private const string Inspections =
        """
        reference,kind,deciding_unit,decision_number,decided_on,title,directive,period_from,period_to,concluded_on,conclusion,team_lead,team,target_units,target_organisations,target_members
        KT-2024-001,surprise,277,412-QĐ/HU,2024-03-01,Kiểm tra đột xuất việc thực hiện Chỉ thị 24-CT/TU,24-CT/TU,2023-08-07,2024-02-29,,,Nguyễn Văn Hải (Phó Bí thư Huyện ủy),Trần Thị Lan (Ủy viên Ban Thường vụ);Lê Văn Minh,10063;10096,10063-CB01,CM-0001
        """;

    private const string DisciplineHeader =
        "decision_number,decided_on,body,deciding_unit,subject,subject_person,subject_unit,form,violation_on,summary,source_inspection,directive,manifestations";

    private const string Discipline =
        DisciplineHeader + "\n"
        + "125-QĐ/UBKTHU,2024-05-10,inspection-committee,277-HU-UBKT,member,CM-0001,,warning,2023-11-20,,KT-2024-001,24-CT/TU,1.2\n"
        + "126-QĐ/HU,2024-05-10,standing-committee,277,organisation,,10063-CB01,reprimand,2023-12-01,,,,\n";

    private const string MovesHeader =
        "reference,person,kind,post_kind,from_unit,from_title,to_unit,to_title,effective_on,reason,deciding_unit,directive,decision_number";

    private const string Moves =
        MovesHeader + "\n"
        + "DD-2024-017,CM-0001,transfer,commune-vice-chairman,10063-UBND,Phó Chủ tịch UBND xã,10096,Phó Chủ tịch UBND xã,2024-01-02,under-directive,277,24-CT/TU,1520-QĐ/UBND\n";

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_register_imports_once_and_importing_it_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithPeopleAsync(provider);
        var directives = ImportTesting.WriteXlsx(
        [
            ["symbol", "issuing_unit", "issuing_body", "issued_on", "title", "summary", "dissemination_due_on", "applied_with"],
            ["39-CT/HU", 277d, "Ban Thường vụ Huyện ủy Chương Mỹ", new DateTime(2023, 8, 25), "Về thực hiện Chỉ thị 24-CT/TU", null, "2023-09-30", "24-CT/TU"],
            ["24-CT/TU", null, "Ban Thường vụ Thành ủy Hà Nội", "2023-08-07", "Về tăng cường kỷ luật, kỷ cương, trách nhiệm", null, null, null],
        ]);
        (await database.ImportXlsxAsync("directives", directives)).AssertSucceeded();
        await AddManifestationAsync(database, "24-CT/TU", "1.2", "Né tránh, đùn đẩy trách nhiệm");
        var files = new[] { ("dissemination", Dissemination), ("inspections", Inspections), ("discipline", Discipline), ("moves", Moves) };

        var first = new List<ImportResult>();
        foreach (var (name, csv) in files)
        {
            first.Add(await database.ImportCsvAsync(name, csv));
        }

        var audited = await database.AuditEntryCountAsync();
        var again = new List<ImportResult> { await database.ImportXlsxAsync("directives", directives) };
        foreach (var (name, csv) in files)
        {
            again.Add(await database.ImportCsvAsync(name, csv));
        }

        Assert.All(first.Concat(again), r => r.AssertSucceeded());
        Assert.Equal([1, 1, 2, 1], first.Select(r => r.Tallies.Single().Created));
        Assert.All(again, r => Assert.Equal((0, 0), (r.Tallies.Single().Created, r.Tallies.Single().Updated)));
        Assert.Equal(audited, await database.AuditEntryCountAsync());

        await using var check = database.SystemScope();
        var db = check.ServiceProvider.GetRequiredService<OversightDbContext>();
        var both = await db.Directives.Include(d => d.AppliedWith).OrderBy(d => d.IssuedOn).ToListAsync(Cancel);
        Assert.Equal(both[1].Id, Assert.Single(both[0].AppliedWith).OtherDirectiveId);
        Assert.Equal(both[0].Id, Assert.Single(both[1].AppliedWith).OtherDirectiveId);
        Assert.Equal((213, 215), (await db.DisseminationAttendance.SumAsync(a => a.Attended, Cancel), await db.DisseminationAttendance.SumAsync(a => a.Invited, Cancel)));
        var inspection = await db.Inspections.Include(i => i.Team).Include(i => i.Targets).SingleAsync(Cancel);
        Assert.Equal("Phó Bí thư Huyện ủy", inspection.Team.Single(m => m.IsLead).Role);
        Assert.Equal(3, inspection.Team.Count);
        Assert.Equal([TargetKind.Unit, TargetKind.Unit, TargetKind.PartyOrganisation, TargetKind.PartyMember], inspection.Targets.Select(t => t.Kind).Order());
        var warning = await db.DisciplineDecisions.Include(d => d.Manifestations).SingleAsync(d => d.Form == DisciplineForm.Warning, Cancel);
        Assert.Equal((inspection.Id, 1), (warning.SourceInspectionId, warning.Manifestations.Count));
        Assert.Equal(MoveReason.UnderDirective, (await db.PersonnelMoves.SingleAsync(Cancel)).Reason);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_row_with_changed_values_corrects_its_record_and_replaces_its_lists(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        (await database.ImportCsvAsync("dissemination", Dissemination)).AssertSucceeded();

        var corrected = await database.ImportCsvAsync("dissemination", Dissemination.Replace("10063:120:118;10096:95:95", "10063:120:119", StringComparison.Ordinal));

        Assert.Equal((0, 1, 0), (corrected.Tallies.Single().Created, corrected.Tallies.Single().Updated, corrected.Tallies.Single().Unchanged));
        await using var check = database.SystemScope();
        var attendance = await check.ServiceProvider.GetRequiredService<OversightDbContext>().DisseminationAttendance.SingleAsync(Cancel);
        Assert.Equal((120, 119), (attendance.Invited, attendance.Attended));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_file_writes_nothing_and_names_file_row_and_column_of_each_error(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        var audited = await database.AuditEntryCountAsync();
        var file = DisciplineHeader + "\n"
            + "D-1,2024-05-10,party-cell,10063-CB01,probationary-member,CM-0002,,removal-from-post,2024-04-01,,,,\n"
            + "D-2,2024-05-10,inspection-committee,277,member,CM-0001,,reprimand,2018-01-01,,,,\n"
            + "D-3,2024-05-10,inspection-committee,277,member,CM-0002,,reprimand,2024-04-01,,,,\n"
            + "D-4,10/05/2024,standing-committee,277,organisation,,10063-CB01,reprimand,2023-12-01,,,,\n"
            + "D-5,2024-05-10,standing-committee,277,organisation,,10063-CB01,expulsion,2023-12-01,,,24-CT/TU,9.9\n"
            + "D-6,2024-05-10,standing-committee,277,organisation,,10063-CB01,warning,2023-12-01,,,,\n";

        var result = await database.ImportCsvAsync("discipline", file);

        Assert.False(result.Succeeded);
        Assert.Equal(
            [(2, "form"), (3, "violation_on"), (4, "subject"), (5, "decided_on"), (6, "form"), (6, "manifestations")],
            result.Places());
        Assert.All(result.Errors, e => Assert.Equal("discipline.csv", e.File));
        var lapsed = result.Errors.Single(e => e.Row == 3);
        Assert.Equal("RecordError.LimitationLapsed", lapsed.Key);
        Assert.Equal(
            "discipline.csv:3: column violation_on: the statute of limitation for reprimand lapsed on 2023-01-01, before the decision of 2024-05-10 "
            + "(discipline.limitation.reprimand = 5 years (Quy định 69-QĐ/TW 2022, Điều 4; party-discipline-2022))",
            lapsed.ToString());
        Assert.Equal(
            "discipline.csv:2: column form: removal-from-post is not a form of discipline for probationary-member; allowed: reprimand, warning",
            result.Errors.Single(e => e.Row == 2).ToString());
        Assert.Equal(audited, await database.AuditEntryCountAsync());
        await using var check = database.SystemScope();
        Assert.False(await check.ServiceProvider.GetRequiredService<OversightDbContext>().DisciplineDecisions.AnyAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_writes_only_records_whose_units_all_lie_within_their_scope(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        (await database.ImportCsvAsync("moves", Moves)).AssertSucceeded();
        var lamDien = await database.UnitIdAsync("10063");
        var dongPhu = await database.UnitIdAsync("10096");
        var within = "DD-2024-020,CM-0002,rotation,other,10063-UBND,Công chức địa chính,10063-UBND,Công chức văn phòng,2024-06-03,planning,10063-UBND,,\n";
        var across = "DD-2024-021,CM-0001,transfer,land-construction,10063-UBND,Công chức địa chính,10096,Công chức địa chính,2024-06-03,planning,277,,\n";

        var mixed = await database.ImportCsvAsync("moves", MovesHeader + "\n" + within + across, ("officer", lamDien));
        var elsewhere = await database.ImportCsvAsync("moves", Moves, ("officer", dongPhu));
        var allowed = await database.ImportCsvAsync("moves", MovesHeader + "\n" + within, ("officer", lamDien));

        Assert.Equal([(3, "deciding_unit"), (3, "to_unit")], mixed.Places());
        Assert.Equal("RecordError.UnitNotFound", mixed.Errors[0].Key);
        Assert.Equal([(2, "deciding_unit"), (2, "from_unit"), (2, "reference")], elsewhere.Places());
        Assert.Equal("RecordError.AlreadyRecorded", elsewhere.Errors[0].Key);
        allowed.AssertSucceeded();
        await using var check = database.SystemScope();
        Assert.Equal(2, await check.ServiceProvider.GetRequiredService<OversightDbContext>().PersonnelMoves.CountAsync(Cancel));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_dissemination_on_the_command_line_writes_once_and_prints_each_error_with_its_place(DatabaseProvider provider)
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(provider);
        var good = ImportTesting.WriteTempFile("dissemination.csv", Dissemination);
        var bad = ImportTesting.WriteTempFile("dissemination.csv", Dissemination.Replace("10063:120:118", "10063:120", StringComparison.Ordinal).Replace("QT-2023-001", "QT-2023-002", StringComparison.Ordinal));

        var first = await database.RunAsync("import", "dissemination", good);
        var second = await database.RunAsync("import", "dissemination", good);
        var failed = await database.RunAsync("import", "dissemination", bad);

        Assert.Equal((0, $"{good}: 1 rows imported. dissemination-events: 1 created, 0 updated, 0 unchanged."), (first.ExitCode, first.Output.Trim()));
        Assert.Equal((0, $"{good}: 1 rows imported. dissemination-events: 0 created, 0 updated, 1 unchanged."), (second.ExitCode, second.Output.Trim()));
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(
            [$"{bad}:2: column attendance: '10063:120' is not unit:invited:attended (10015:120:118)", $"{bad}: 1 error(s); nothing was imported."],
            failed.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_forms_of_discipline_per_subject_come_from_the_rule_pack_and_a_lapsed_limitation_is_refused()
    {
        await using var database = await AccountabilityTesting.DatabaseWithDirectivesAsync(DatabaseProvider.Sqlite);
        await using var scope = database.SystemScope();
        var records = scope.ServiceProvider.GetRequiredService<AccountabilityRecords>();
        var on = new DateOnly(2024, 5, 10);
        DisciplineRequest Decision(string number, string subject, string? person, string? unit, string form, string violationOn) =>
            new(number, "2024-05-10", "inspection-committee", "277", subject, person, unit, form, violationOn);

        var member = await records.FormsAsync(DisciplineSubject.Member, on, Cancel);
        var probationary = await records.FormsAsync(DisciplineSubject.ProbationaryMember, on, Cancel);
        var organisation = await records.FormsAsync(DisciplineSubject.Organisation, on, Cancel);
        var beforePack = await records.FormsAsync(DisciplineSubject.Member, new DateOnly(2022, 7, 5), Cancel);
        var check = await records.LimitationAsync(DisciplineForm.Warning, new DateOnly(2014, 5, 10), on, Cancel);
        var expelled = await records.CreateDecisionAsync(Decision("E-1", "member", "CM-0001", null, "expulsion", "2001-01-01"), Cancel);
        var dissolved = await records.CreateDecisionAsync(Decision("E-2", "organisation", null, "10063-CB01", "dissolution", "2024-01-01"), Cancel);
        var memberDissolved = await records.CreateDecisionAsync(Decision("E-3", "member", "CM-0001", null, "dissolution", "2024-01-01"), Cancel);
        var lapsedWarning = await records.CreateDecisionAsync(Decision("E-4", "member", "CM-0001", null, "warning", "2014-05-10"), Cancel);
        var lastDay = await records.CreateDecisionAsync(Decision("E-5", "member", "CM-0001", null, "warning", "2014-05-11"), Cancel);

        Assert.Equal([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.RemovalFromPost, DisciplineForm.Expulsion], member.Forms);
        Assert.Equal([DisciplineForm.Reprimand, DisciplineForm.Warning], probationary.Forms);
        Assert.Equal([DisciplineForm.Reprimand, DisciplineForm.Warning, DisciplineForm.Dissolution], organisation.Forms);
        Assert.Equal("party-discipline-2022", member.Rule!.PackId);
        Assert.Equal((null, 0), (beforePack.Rule, beforePack.Forms.Count));
        Assert.Equal((true, new DateOnly(2024, 5, 10)), (check.Lapsed, check.LapsesOn));
        Assert.True(expelled.Succeeded && dissolved.Succeeded && lastDay.Succeeded);
        Assert.Equal("form:FormNotAllowed", memberDissolved.Errors.Select(e => $"{e.Field}:{e.Key}").Single());
        Assert.Equal("violationOn:LimitationLapsed", lapsedWarning.Errors.Select(e => $"{e.Field}:{e.Key}").Single());
    }

    [Fact]
    public void A_pack_rule_of_names_holds_a_list_and_a_list_where_a_number_belongs_is_an_error()
    {
        var good = Oversight.Rules.RulePackFile.Parse("forms.json",
            """{ "id": "forms", "title": "Hình thức", "effectiveFrom": "2030-01-01", "rules": { "discipline.forms.organisation": { "values": ["reprimand", "dissolution"], "unit": "names", "citation": "Điều lệ Đảng, Điều 35" } } }""");
        var bad = Oversight.Rules.RulePackFile.Parse("bad.json",
            """{ "id": "bad", "title": "Sai", "effectiveFrom": "2030-01-01", "rules": { "a": { "values": [], "unit": "names", "citation": "x" }, "b": { "value": 1, "values": ["x"], "unit": "years", "citation": "x" } } }""");

        var rule = good.Pack!.Rules["discipline.forms.organisation"];
        Assert.Equal(["reprimand", "dissolution"], rule.Names);
        Assert.Equal("reprimand, dissolution", rule.Text);
        Assert.Equal(
            ["bad.json: rules.a.values: a list of names needs at least one, none empty", "bad.json: rules.b.values: only a rule of unit names has values; give value"],
            bad.Errors);
    }

    private static async Task AddManifestationAsync(TestDatabase database, string symbol, string code, string text)
    {
        await using var scope = database.SystemScope("test-setup");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var directive = await db.Directives.SingleAsync(d => d.Symbol == symbol, Cancel);
        db.Manifestations.Add(new Manifestation { DirectiveId = directive.Id, Code = code, Text = text });
        await db.SaveChangesAsync(Cancel);
    }
}
