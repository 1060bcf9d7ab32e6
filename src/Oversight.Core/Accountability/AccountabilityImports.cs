using System.Globalization;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Petitions;
using Oversight.Text;

namespace Oversight.Accountability;

// Imports of the accountability registers, one row per record, through AccountabilityRecords: a row whose key is
// recorded (and within the caller's scope) corrects that record, unchanged when the values are the same. Lists in
// one cell are separated by ';'. Import directives first, then inspections, then what cites them.

/// <summary>Imports directives: <c>symbol,issuing_unit,issuing_body,issued_on,title,summary,dissemination_due_on,applied_with</c>.</summary>
public sealed class DirectiveImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DirectiveImport.Row>(db, caller, time, settings)
{
    public override string Name => "directives";

    protected override string Records => "directives";

    protected override string ReferenceColumn => "symbol";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("symbol", "39-CT/HU", "Number and symbol, unique; a row with a symbol already recorded corrects that directive. Required."),
        new("issuing_unit", "277-HU-BTV", "Code of the issuing body as a unit, as of issued_on; only an administrator may leave it empty (a body outside the registry)."),
        new("issuing_body", "Ban Thường vụ Huyện ủy Chương Mỹ", "The issuing body as the directive names it. Required."),
        new("issued_on", "2023-08-25", "The day, YYYY-MM-DD. Required."),
        new("title", "Về tăng cường kỷ luật, kỷ cương, trách nhiệm trong giải quyết công việc", "The title. Required."),
        new("summary", "", "What it asks, in a few lines; may be empty."),
        new("dissemination_due_on", "2023-09-30", "The day by which units must have studied it, YYYY-MM-DD; may be empty."),
        new("applied_with", "24-CT/TU", "Symbols of earlier directives it is applied together with, separated by ';' (the link is recorded on both); may be empty."),
    ];

    public sealed record Row(string Symbol, DateOnly IssuedOn, DirectiveRequest Request);

    protected override string ReferenceOf(Row row) => row.Symbol;

    protected override DateOnly DayOf(Row row) => row.IssuedOn;

    protected override Row? Read(RowCells cells)
    {
        var symbol = cells.Required("symbol", 64);
        var issuedOn = RequiredDate(cells, "issued_on");
        var dueOn = cells.Date("dissemination_due_on");
        var request = new DirectiveRequest(
            symbol, cells.Text("issuing_unit"), cells.Text("issuing_body"), Iso(issuedOn), cells.Text("title"), cells.Text("summary"), Iso(dueOn), cells.List("applied_with"));
        return cells.HasErrors ? null : new Row(symbol!, issuedOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindDirectiveAsync(row.Symbol, cancellationToken),
            () => records.CreateDirectiveAsync(row.Request, cancellationToken),
            existing => records.UpdateDirectiveAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports dissemination events: <c>reference,organiser,held_on,online,title,directives,attendance</c>, the
/// attendance as <c>unit:invited:attended</c> per unit taking part.
/// </summary>
public sealed class DisseminationImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DisseminationImport.Row>(db, caller, time, settings)
{
    public override string Name => "dissemination";

    protected override string Records => "dissemination-events";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "QT-2023-001", "The event's register number; a row with a number already recorded corrects that event. Required."),
        new("organiser", "277", "Code of the organising unit, as of held_on. Required."),
        new("held_on", "2023-08-18", "The day, YYYY-MM-DD. Required."),
        new("online", "yes", "Held online: yes/no; empty is no."),
        new("title", "Hội nghị trực tuyến quán triệt Chỉ thị 24-CT/TU", "What the event was. Required."),
        new("directives", "24-CT/TU;39-CT/HU", "Symbols of the directives disseminated, separated by ';'. Required."),
        new("attendance", "10015:120:118;10018:95:95", "Per unit taking part, unit:invited:attended (the unit's code as of held_on), separated by ';'; may be empty."),
    ];

    public sealed record Row(string Reference, DateOnly HeldOn, DisseminationRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.HeldOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var heldOn = RequiredDate(cells, "held_on");
        var online = cells.Flag("online");
        var errors = new List<FieldError>();
        var attendance = AttendanceRequest.Parse(cells.List("attendance"), errors);
        errors.ForEach(error => cells.Error("attendance", error));
        var request = new DisseminationRequest(
            reference, cells.Text("organiser"), Iso(heldOn), online ?? false, cells.Text("title"), cells.List("directives"), attendance);
        return cells.HasErrors ? null : new Row(reference!, heldOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindDisseminationAsync(row.Reference, cancellationToken),
            () => records.CreateDisseminationAsync(row.Request, cancellationToken),
            existing => records.UpdateDisseminationAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports inspections and supervisions, one row each, with the team (<c>team_lead</c>, <c>team</c>) and the targets
/// (<c>target_units</c>, <c>target_organisations</c>, <c>target_members</c>) as lists; findings and follow-up tasks
/// are not imported here.
/// </summary>
public sealed class InspectionImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<InspectionImport.Row>(db, caller, time, settings)
{
    public override string Name => "inspections";

    protected override string Records => "inspections";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "KT-2024-001", "The inspection's register number; a row with a number already recorded corrects that inspection. Required."),
        new("kind", "surprise", $"One of: {string.Join(", ", WireNames<InspectionKind>.All)}. Required."),
        new("deciding_unit", "277-HU-BTV", "Code of the body that decided it, as of decided_on. Required."),
        new("decision_number", "412-QĐ/HU", "Number of the decision that set it up; may be empty."),
        new("decided_on", "2024-03-01", "The decision's day, YYYY-MM-DD; units and members are resolved on this day. Required."),
        new("title", "Kiểm tra đột xuất việc thực hiện Chỉ thị 24-CT/TU", "What it looks at. Required."),
        new("directive", "24-CT/TU", "Symbol of the directive whose implementation it looks at; may be empty."),
        new("period_from", "2023-08-07", "First day of the period looked at, YYYY-MM-DD; may be empty."),
        new("period_to", "2024-02-29", "Last day of that period; may be empty."),
        new("concluded_on", "", "The day of the conclusion, YYYY-MM-DD; may be empty."),
        new("conclusion", "", "The conclusion's text; may be empty."),
        new("team_lead", "Nguyễn Văn Hải (Phó Bí thư Huyện ủy)", "The team's lead as Name (role); may be empty."),
        new("team", "Trần Thị Lan (Ủy viên Ban Thường vụ);Lê Văn Minh", "The other members, each Name (role) or Name, separated by ';'; may be empty."),
        new("target_units", "10015;10018", "Codes of the units inspected, separated by ';'; may be empty."),
        new("target_organisations", "", "Codes of the Party committees or branches inspected or supervised, separated by ';'; may be empty."),
        new("target_members", "", "Person codes of the Party members supervised, separated by ';' (each one's branch on decided_on is recorded); may be empty."),
    ];

    public sealed record Row(string Reference, DateOnly DecidedOn, InspectionRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.DecidedOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var decidedOn = RequiredDate(cells, "decided_on");
        var team = cells.List("team_lead").Select(m => TeamMemberRequest.Parse(m, true)).Concat(cells.List("team").Select(m => TeamMemberRequest.Parse(m, false))).ToList();
        var request = new InspectionRequest(
            reference, cells.Text("kind"), cells.Text("deciding_unit"), cells.Text("decision_number"), Iso(decidedOn), cells.Text("title"),
            cells.Text("directive"), Iso(cells.Date("period_from")), Iso(cells.Date("period_to")),
            Iso(cells.Date("concluded_on")), cells.Text("conclusion"), team,
            cells.List("target_units"), cells.List("target_organisations"), cells.List("target_members"));
        return cells.HasErrors ? null : new Row(reference!, decidedOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindInspectionAsync(row.Reference, cancellationToken),
            () => records.CreateInspectionAsync(row.Request, cancellationToken),
            existing => records.UpdateInspectionAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports discipline decisions, one row each. The form must be one the rule pack allows for the subject, and a
/// decision after the statute of limitation of its form is refused (<see cref="AccountabilityRecords"/>).
/// </summary>
public sealed class DisciplineImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DisciplineImport.Row>(db, caller, time, settings)
{
    public override string Name => "discipline";

    protected override string Records => "discipline-decisions";

    protected override string ReferenceColumn => "decision_number";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("decision_number", "125-QĐ/UBKTHU", "The decision's number, unique; a row with a number already recorded corrects that decision. Required."),
        new("decided_on", "2024-05-10", "The decision's day, YYYY-MM-DD; units, the member's branch and status are taken on this day. Required."),
        new("body", "inspection-committee", $"One of: {string.Join(", ", WireNames<DecidingBody>.All)}. Required."),
        new("deciding_unit", "277-HU-UBKT", "Code of the deciding body as a unit, as of decided_on. Required."),
        new("subject", "member", $"One of: {string.Join(", ", WireNames<DisciplineSubject>.All)}; a member's status on decided_on must agree. Required."),
        new("subject_person", "CM-0042", "The member's person code; only for member and probationary-member."),
        new("subject_unit", "", "Code of the Party organisation disciplined, as of decided_on; only for organisation."),
        new("form", "reprimand", $"One of: {string.Join(", ", WireNames<DisciplineForm>.All)}, as the rule pack in force on decided_on allows for the subject (discipline.forms.SUBJECT). Required."),
        new("violation_on", "2023-11-20", "The day of the violation, YYYY-MM-DD; past the statute of limitation of the form the decision is refused. Required."),
        new("summary", "", "The violation, in a few lines; may be empty."),
        new("source_inspection", "KT-2024-001", "Register number of the inspection it came from (import inspections first); may be empty."),
        new("directive", "24-CT/TU", "Symbol of the directive whose appendix the manifestations come from; required with manifestations."),
        new("manifestations", "1.2;3.1", "Codes of the manifestations in that directive's appendix, separated by ';'; may be empty."),
    ];

    public sealed record Row(string DecisionNumber, DateOnly DecidedOn, DisciplineRequest Request);

    protected override string ReferenceOf(Row row) => row.DecisionNumber;

    protected override DateOnly DayOf(Row row) => row.DecidedOn;

    protected override Row? Read(RowCells cells)
    {
        var number = cells.Required("decision_number", 64);
        var decidedOn = RequiredDate(cells, "decided_on");
        var violationOn = RequiredDate(cells, "violation_on");
        var request = new DisciplineRequest(
            number, Iso(decidedOn), cells.Text("body"), cells.Text("deciding_unit"), cells.Text("subject"), cells.Text("subject_person"),
            cells.Text("subject_unit"), cells.Text("form"), Iso(violationOn), cells.Text("summary"), cells.Text("source_inspection"),
            cells.Text("directive"), cells.List("manifestations"));
        return cells.HasErrors ? null : new Row(number!, decidedOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindDecisionAsync(row.DecisionNumber, cancellationToken),
            () => records.CreateDecisionAsync(row.Request, cancellationToken),
            existing => records.UpdateDecisionAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>Imports personnel moves, one row each: rotation, transfer or periodic change of post.</summary>
public sealed class PersonnelMoveImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<PersonnelMoveImport.Row>(db, caller, time, settings)
{
    public override string Name => "moves";

    protected override string Records => "personnel-moves";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "DD-2024-017", "The move's register number; a row with a number already recorded corrects that move. Required."),
        new("person", "CM-0107", "The person's code (import people first). Required."),
        new("kind", "transfer", $"One of: {string.Join(", ", WireNames<MoveKind>.All)}. Required."),
        new("post_kind", "commune-vice-chairman", $"The post left, one of: {string.Join(", ", WireNames<PostKind>.All)}. Required."),
        new("from_unit", "10060-UBND", "Code of the unit of the post left, as of effective_on. Required."),
        new("from_title", "Phó Chủ tịch UBND xã", "The post left. Required."),
        new("to_unit", "10072-UBND", "Code of the unit of the new post, as of effective_on. Required."),
        new("to_title", "Phó Chủ tịch UBND xã", "The new post. Required."),
        new("effective_on", "2024-01-02", "The day it takes effect, YYYY-MM-DD. Required."),
        new("reason", "under-directive", $"One of: {string.Join(", ", WireNames<MoveReason>.All)}. Required."),
        new("deciding_unit", "277-UBND", "Code of the body that decided it, as of effective_on. Required."),
        new("directive", "24-CT/TU", "Symbol of the directive; required with reason under-directive, empty otherwise."),
        new("decision_number", "1520-QĐ/UBND", "The decision's number; may be empty."),
    ];

    public sealed record Row(string Reference, DateOnly EffectiveOn, PersonnelMoveRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.EffectiveOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var effectiveOn = RequiredDate(cells, "effective_on");
        var request = new PersonnelMoveRequest(
            reference, cells.Text("person"), cells.Text("kind"), cells.Text("post_kind"), cells.Text("from_unit"), cells.Text("from_title"),
            cells.Text("to_unit"), cells.Text("to_title"), Iso(effectiveOn), cells.Text("reason"), cells.Text("deciding_unit"),
            cells.Text("directive"), cells.Text("decision_number"));
        return cells.HasErrors ? null : new Row(reference!, effectiveOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindMoveAsync(row.Reference, cancellationToken),
            () => records.CreateMoveAsync(row.Request, cancellationToken),
            existing => records.UpdateMoveAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports each unit's study of a directive: <c>directive,unit,completed_on,members_reached</c>. The directive and the
/// unit are the key: a row for a pair already recorded corrects it (an empty <c>completed_on</c>: not completed yet).
/// </summary>
public sealed class DisseminationCompletionImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DisseminationCompletionImport.Row>(db, caller, time, settings)
{
    public override string Name => "dissemination-completions";

    protected override string Records => "dissemination-completions";

    protected override string ReferenceColumn => "unit";

    protected override ImportMessage SameKeyAsRow => ImportMessages.SameKeyAsRow;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("directive", "24-CT/TU", "Symbol of the directive studied (import directives first). Required."),
        new("unit", "10063", "Code of the unit, as of completed_on (while not completed, as of the directive's dissemination_due_on, or issued_on); a row for a directive and unit already recorded corrects it. Required."),
        new("completed_on", "2023-09-20", "The day the unit completed its study, YYYY-MM-DD; empty while not completed."),
        new("members_reached", "118", "The cadres and Party members it reached, a whole number; empty is 0."),
    ];

    public sealed record Row(string Key, DateOnly? CompletedOn, DisseminationCompletionRequest Request);

    protected override string ReferenceOf(Row row) => row.Key;

    protected override DateOnly DayOf(Row row) => row.CompletedOn ?? DateOnly.MinValue;

    protected override Row? Read(RowCells cells)
    {
        var directive = cells.Required("directive", 64);
        var unit = cells.Required("unit", 64);
        var completedOn = cells.Date("completed_on");
        var request = new DisseminationCompletionRequest(directive, unit, Iso(completedOn), cells.Integer("members_reached", 0, 1_000_000));
        return cells.HasErrors ? null : new Row($"{directive}, {unit}", completedOn, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        var existing = await records.FindCompletionAsync(row.Request.Directive!, row.Request.Unit!, row.CompletedOn, cancellationToken);
        return Outcome(cells, existing is not null, await records.RecordCompletionAsync(row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports a directive's appendix of manifestations: <c>directive,code,text</c>, a group <c>1</c> or an item <c>1.2</c>
/// per row. Administrators only. Importing it marks the directive's catalogue as its real text; entries are added or
/// corrected, never removed (findings and decisions cite them).
/// </summary>
public sealed class ManifestationImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<ManifestationImport.Row>(db, caller, time, settings)
{
    public override string Name => "manifestations";

    public override bool AdministratorsOnly => true;

    protected override string Records => "manifestations";

    protected override string ReferenceColumn => "code";

    protected override ImportMessage SameKeyAsRow => ImportMessages.SameKeyAsRow;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("directive", "24-CT/TU", "Symbol of the directive whose appendix it is (import directives first). Required."),
        new("code", "1.2", "A group (1) or an item of a group (1.2); the item's group must be recorded or be in the same file. In XLSX type codes as text (1.10 typed as a number reads 1.1). Required."),
        new("text", "Né tránh, đùn đẩy, sợ trách nhiệm, không dám làm", "The entry as the appendix words it. Required."),
    ];

    public sealed record Row(string Key, bool IsGroup, ManifestationRequest Request);

    protected override string ReferenceOf(Row row) => row.Key;

    /// <summary>Groups are written before items, so an item may name a group given further down the file.</summary>
    protected override DateOnly DayOf(Row row) => row.IsGroup ? DateOnly.MinValue : DateOnly.MinValue.AddDays(1);

    protected override Row? Read(RowCells cells)
    {
        var directive = cells.Required("directive", 64);
        var code = cells.Required("code", 16);
        var request = new ManifestationRequest(directive, code, cells.Text("text"));
        return cells.HasErrors ? null : new Row($"{directive}, {code}", !code!.Contains('.', StringComparison.Ordinal), request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        var existing = await records.FindManifestationAsync(row.Request.Directive!, row.Request.Code!, cancellationToken);
        return Outcome(cells, existing is not null, await records.RecordManifestationAsync(row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>Imports the tasks directives set: <c>directive,number,text,due_on</c>; a row already recorded (same directive and number) corrects it.</summary>
public sealed class DirectiveTaskImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DirectiveTaskImport.Row>(db, caller, time, settings)
{
    public override string Name => "directive-tasks";

    protected override string Records => "directive-tasks";

    protected override string ReferenceColumn => "number";

    protected override ImportMessage SameKeyAsRow => ImportMessages.SameKeyAsRow;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("directive", "39-CT/HU", "Symbol of the directive (import directives first). Required."),
        new("number", "1", "The task's number in the directive, from 1. Required."),
        new("text", "Tổ chức học tập, quán triệt Chỉ thị đến 100% cán bộ, đảng viên", "What the directive asks, as it words it. Required."),
        new("due_on", "2023-09-30", "The task's deadline, YYYY-MM-DD; may be empty."),
    ];

    public sealed record Row(string Key, DirectiveTaskRequest Request);

    protected override string ReferenceOf(Row row) => row.Key;

    protected override DateOnly DayOf(Row row) => DateOnly.MinValue;

    protected override Row? Read(RowCells cells)
    {
        var directive = cells.Required("directive", 64);
        var number = cells.Integer("number", 1, AccountabilityRecords.MostDirectiveTasks);
        var request = new DirectiveTaskRequest(directive, number, cells.Text("text"), Iso(cells.Date("due_on")));
        return cells.HasErrors ? null : new Row($"{directive}, {number}", request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        var existing = row.Request.Number is { } number ? await records.FindDirectiveTaskAsync(row.Request.Directive!, number, cancellationToken) : null;
        return Outcome(cells, existing is not null, await records.RecordDirectiveTaskAsync(row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports the findings of inspections: <c>inspection,target,text,manifestations</c>. A finding has no register
/// number: the inspection, the target and the text identify it, so a row already recorded corrects its
/// manifestations, and a row with other wording is another finding.
/// </summary>
public sealed class FindingImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<FindingImport.Row>(db, caller, time, settings)
{
    public override string Name => "findings";

    protected override string Records => "findings";

    protected override string ReferenceColumn => "text";

    protected override ImportMessage SameKeyAsRow => ImportMessages.SameKeyAsRow;

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("inspection", "KT-2024-001", "Register number of the inspection (import inspections first). Required."),
        new("target", "10063", "Code of the unit or Party organisation inspected (as of the inspection's decided_on), or person code of the member supervised; one of the inspection's targets. Empty: the whole inspection."),
        new("text", "Chậm giải quyết hồ sơ hành chính của công dân", "What was found; with inspection and target it identifies the finding. Required."),
        new("manifestations", "1.2;3.1", "Codes in the appendix of the inspection's directive, separated by ';'; may be empty."),
    ];

    public sealed record Row(string Key, FindingRequest Request);

    protected override string ReferenceOf(Row row) => row.Key;

    protected override DateOnly DayOf(Row row) => DateOnly.MinValue;

    protected override Row? Read(RowCells cells)
    {
        var inspection = cells.Required("inspection", 64);
        var target = cells.Text("target");
        var text = cells.Required("text");
        var request = new FindingRequest(inspection, target, text, cells.List("manifestations"));
        return cells.HasErrors ? null : new Row($"{inspection}, {target}, {text}", request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindFindingAsync(row.Request.Inspection!, row.Request.Target, row.Request.Text!, cancellationToken),
            () => records.CreateFindingAsync(row.Request, cancellationToken),
            existing => records.UpdateFindingAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports the follow-up tasks set by inspections' conclusions: <c>reference,inspection,owner_unit,description,due_on</c>.
/// The reference is required here (a page may leave it to be numbered), so a file can be imported again.
/// </summary>
public sealed class FollowUpTaskImport(OversightDbContext db, AccountabilityRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<FollowUpTaskImport.Row>(db, caller, time, settings)
{
    public override string Name => "follow-up-tasks";

    protected override string Records => "follow-up-tasks";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "NV-KT-2024-001-01", "The task's register number; a row with a number already recorded corrects that task. Required."),
        new("inspection", "KT-2024-001", "Register number of the inspection whose conclusion set it; the inspection must be concluded. Required."),
        new("owner_unit", "10063", "Code of the unit that must carry it out, as of the conclusion's day. Required."),
        new("description", "Giải quyết dứt điểm các hồ sơ tồn đọng", "What must be done. Required."),
        new("due_on", "2024-12-31", "The deadline, YYYY-MM-DD, not before the conclusion. Required."),
    ];

    public sealed record Row(string Reference, DateOnly DueOn, FollowUpTaskRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.DueOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var dueOn = RequiredDate(cells, "due_on");
        var request = new FollowUpTaskRequest(reference, cells.Text("inspection"), cells.Text("owner_unit"), cells.Text("description"), Iso(dueOn));
        return cells.HasErrors ? null : new Row(reference!, dueOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindTaskAsync(row.Reference, cancellationToken),
            () => records.CreateTaskAsync(row.Request, cancellationToken),
            existing => records.UpdateTaskAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}
