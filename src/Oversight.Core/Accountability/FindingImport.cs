using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

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
