using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Accountability;

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
        var decidedOn = cells.RequiredDate("decided_on");
        var violationOn = cells.RequiredDate("violation_on");
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
