using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Accountability;

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
        var effectiveOn = cells.RequiredDate("effective_on");
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
