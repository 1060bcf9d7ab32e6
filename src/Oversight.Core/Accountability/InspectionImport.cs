using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Accountability;

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
        var decidedOn = cells.RequiredDate("decided_on");
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
