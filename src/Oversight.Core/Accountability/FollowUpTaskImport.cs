using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

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
        var dueOn = cells.RequiredDate("due_on");
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
