using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;

namespace Oversight.Accountability;

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
        var issuedOn = cells.RequiredDate("issued_on");
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
