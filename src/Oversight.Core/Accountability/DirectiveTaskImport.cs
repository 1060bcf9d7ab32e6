using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

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
