using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// Imports reception sessions, one row each, through <see cref="ReceptionRecords"/>:
/// <c>reference,unit,held_on,host_name,host_person_code,host_role,kind,visits,people,note</c>. A session whose
/// register number exists is corrected to the row's values (unchanged when they are the same).
/// </summary>
public sealed class ReceptionSessionImport(OversightDbContext db, ReceptionRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<ReceptionSessionImport.Row>(db, caller, time, settings)
{
    public override string Name => "reception-sessions";

    protected override string Records => "reception-sessions";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "TCD-2024-015", "The session's register number; a row with a number already recorded corrects that session. Required."),
        new("unit", "277", "Code of the unit that held the session, as of held_on. Required."),
        new("held_on", "2024-03-15", "The day, YYYY-MM-DD. Required."),
        new("host_name", "Nguyễn Văn Bình", "The host's name as written in the register. Required."),
        new("host_person_code", "", "The host's person code, when the person is in the registry; may be empty."),
        new("host_role", "party-secretary", $"One of: {string.Join(", ", WireNames<HostRole>.All)}. Required."),
        new("kind", "regular", $"One of: {string.Join(", ", WireNames<SessionKind>.All)}. Required."),
        new("visits", "3", "Visits (a group that comes together is one); empty is 0."),
        new("people", "5", "People received, at least the visits; empty is 0."),
        new("note", "Tiếp công dân định kỳ tại trụ sở Huyện ủy", "Free text; may be empty."),
    ];

    /// <summary>One row: its register number, day and request.</summary>
    public sealed record Row(string Reference, DateOnly HeldOn, ReceptionSessionRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.HeldOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var heldOn = cells.RequiredDate("held_on");

        var visits = cells.Integer("visits", 0, 100000);
        var people = cells.Integer("people", 0, 100000);
        var request = new ReceptionSessionRequest(
            cells.Text("unit"), Iso(heldOn), cells.Text("host_name"), cells.Text("host_person_code"),
            cells.Text("host_role"), cells.Text("kind"), visits, people, cells.Text("note"), reference);
        return cells.HasErrors ? null : new Row(reference!, heldOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindSessionAsync(row.Reference, cancellationToken),
            () => records.CreateSessionAsync(row.Request, cancellationToken),
            existing => records.UpdateSessionAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}

/// <summary>
/// Imports dialogue meetings, one row each, through <see cref="ReceptionRecords"/>:
/// <c>reference,unit,level,held_on,topic,participants,participant_note,outcome,cases</c>, <c>cases</c> holding the
/// register numbers of the cases discussed separated by <c>;</c>. A meeting whose register number exists is corrected
/// to the row's values (unchanged when they are the same).
/// </summary>
public sealed class DialogueMeetingImport(OversightDbContext db, ReceptionRecords records, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<DialogueMeetingImport.Row>(db, caller, time, settings)
{
    public override string Name => "dialogue-meetings";

    protected override string Records => "dialogue-meetings";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "DT-2023-007", "The meeting's register number; a row with a number already recorded corrects that meeting. Required."),
        new("unit", "277", "Code of the unit that held the meeting, as of held_on. Required."),
        new("level", "district", $"One of: {string.Join(", ", WireNames<DialogueLevel>.All)}. Required."),
        new("held_on", "2023-10-12", "The day, YYYY-MM-DD. Required."),
        new("topic", "Đối thoại về bồi thường giải phóng mặt bằng", "What was discussed. Required."),
        new("participants", "42", "How many took part; empty is 0."),
        new("participant_note", "Lãnh đạo Huyện ủy, UBND huyện và 35 hộ dân", "Who took part, as written; may be empty."),
        new("outcome", "Thống nhất phương án bồi thường", "What was concluded; may be empty."),
        new("cases", "", "Register numbers of the cases discussed, separated by ';' (import the cases first); may be empty."),
    ];

    /// <summary>One row: its register number, day and request.</summary>
    public sealed record Row(string Reference, DateOnly HeldOn, DialogueMeetingRequest Request);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.HeldOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var heldOn = cells.RequiredDate("held_on");

        var participants = cells.Integer("participants", 0, 100000);
        var cases = cells.List("cases");
        var request = new DialogueMeetingRequest(
            cells.Text("unit"), cells.Text("level"), Iso(heldOn), cells.Text("topic"), participants,
            cells.Text("participant_note"), cells.Text("outcome"), cases, reference);
        return cells.HasErrors ? null : new Row(reference!, heldOn!.Value, request);
    }

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        return await CreateOrCorrectAsync(
            cells,
            await records.FindMeetingAsync(row.Reference, cancellationToken),
            () => records.CreateMeetingAsync(row.Request, cancellationToken),
            existing => records.UpdateMeetingAsync(existing.Id, row.Request, cancellationToken: cancellationToken));
    }
}
