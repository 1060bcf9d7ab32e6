using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Records;

namespace Oversight.Accountability;

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
        var heldOn = cells.RequiredDate("held_on");
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
