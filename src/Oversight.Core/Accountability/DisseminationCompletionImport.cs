using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

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
