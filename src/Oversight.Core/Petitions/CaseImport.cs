using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// Imports a register of citizens' cases, one row per case, through <see cref="CaseWorkflow"/>: each row is received
/// and then taken through the steps its facts imply (accept, assign, extend, then resolve, withdraw, forward or
/// reject; a precedent last), so deadlines and the timeline come out as for a case entered by hand.
/// </summary>
/// <remarks>
/// <para>The row's <c>status</c> says where the case ends; empty, it follows from the facts (forwarded_to: forwarded;
/// closed_on with an outcome: resolved; an assignee: under consideration; accepted_on: accepted; else received). Each
/// status needs its facts: accepted_on for every status after acceptance, closed_on to close, forwarded_on (or
/// closed_on) and forwarded_to to forward, guidance as the reason to reject. The outcome of a withdrawn case is kept
/// as the withdrawal's note.</para>
/// <para>A row whose register number is already recorded is left alone when it says what the case already says, and
/// is an error otherwise: an import does not rewrite a case's history. A denouncer's name, address and telephone are
/// not compared (they are kept encrypted and only revealed, audited, to those allowed).</para>
/// <para>New cases go through the workflow in memory, what they name read a chunk of rows at a time, and are written in
/// batches while no row has failed (<see cref="CaseDrafts"/>): on PostgreSQL a save per step cost some 11 ms a row. An
/// instance runs one import (it is scoped): the drafts it made are not forgotten.</para>
/// </remarks>
public sealed class CaseImport(OversightDbContext db, CaseWorkflow workflow, DenouncerIdentity identity, CallerScope scope, IndicatorFacts facts, Caller caller, TimeProvider time, ImportSettings settings)
    : RegisterImport<CaseImport.Row>(db, caller, time, settings)
{
    /// <summary>The rows' new cases, taken through the workflow in memory and written in batches; what the rows name is read a chunk at a time (<see cref="BeginChunkAsync"/>).</summary>
    private readonly CaseDrafts drafts = new();

    /// <summary>The workflow over <see cref="drafts"/>.</summary>
    private CaseWorkflow? drafting;

    /// <summary>Whether a denouncer's details were encrypted once before the transaction (<see cref="Checked"/>).</summary>
    private bool protectedOnce;

    /// <summary>The recorded cases of the chunk's rows that are already recorded, by register number (<see cref="BeginChunkAsync"/>).</summary>
    private Dictionary<string, StoredCase> stored = [];

    /// <summary>A recorded case as a row is compared with it: with the register numbers and the account it names.</summary>
    private sealed record StoredCase(CitizenCase Case, string? Session, string? Assignee, string? RepeatOf);

    private static readonly Dictionary<string, string> ReceiptColumns = new(StringComparer.Ordinal)
    {
        ["receivedOn"] = "received_on",
        ["petitioner.name"] = "petitioner_name",
        ["petitioner.address"] = "petitioner_address",
        ["petitioner.phone"] = "petitioner_phone",
        ["petitionerCount"] = "petitioner_count",
        ["receptionSession"] = "reception_session",
    };

    public override string Name => "cases";

    protected override string Records => "cases";

    public override IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("reference", "277-2024-0031", "The case's register number; a row with a number already recorded must say what the case says. Required."),
        new("kind", "complaint", $"One of: {string.Join(", ", WireNames<CaseKind>.All)}. Required."),
        new("unit", "277", "Code of the handling unit, as of received_on. Required."),
        new("received_on", "2024-03-15", "The day the case was received, YYYY-MM-DD. Required."),
        new("channel", "reception-session", $"One of: {string.Join(", ", WireNames<CaseChannel>.All)}. Required."),
        new("subject", "Khiếu nại về bồi thường giải phóng mặt bằng", "A one-line subject. Required."),
        new("content", "Ông Lê Văn Cường khiếu nại quyết định thu hồi đất tại xóm Chợ.", "What the citizen says. Required."),
        new("petitioner_name", "Lê Văn Cường", "Who brings the case (kept encrypted for a denunciation). Required."),
        new("petitioner_address", "Xóm Chợ, xã Hợp Đồng", "May be empty."),
        new("petitioner_phone", "0987 654 321", "Digits, spaces, + . - ( ); may be empty."),
        new("petitioner_count", "1", "How many bring it together; empty is 1."),
        new("reception_session", "TCD-277-2024-013", "Register number of the reception session that produced the case (import sessions first); may be empty."),
        new("within_jurisdiction", "yes", "yes or no (có/không); empty follows from the status. Must agree with it."),
        new("accepted_on", "2024-03-20", "The day the case was accepted, YYYY-MM-DD; required for every status after acceptance."),
        new("complex", "no", "A complex case (longer time limit): yes or no; empty is no."),
        new("remote_area", "no", "The petitioner lives in a remote area (longer time limit): yes or no; empty is no."),
        new("forwarded_to", "", "The body the case was forwarded to, when not within jurisdiction."),
        new("forwarded_on", "", "The day it was forwarded, YYYY-MM-DD; empty is closed_on."),
        new("guidance", "", "Guidance given with a forwarded case, or the reason a case was rejected."),
        new("assignee", "", "User name of the officer handling the case; may be empty."),
        new("extended_on", "", "The day the time limit was extended, YYYY-MM-DD; empty when it was not."),
        new("extension_reason", "", "Why it was extended; required with extended_on."),
        new("status", "resolved", $"One of: {string.Join(", ", WireNames<CaseStatus>.All)}; empty follows from the facts."),
        new("closed_on", "2024-04-25", "The day the case was resolved, withdrawn, forwarded or rejected, YYYY-MM-DD."),
        new("outcome", "Giữ nguyên quyết định thu hồi đất; đã trả lời công dân", "The resolution (or the note of a withdrawal)."),
        new("repeat_of", "", "Register number of an earlier case by the same petitioner on the same matter; may be empty."),
    ];

    /// <summary>A row as read: the receipt and the later facts of the register.</summary>
    public sealed record Row(
        string Reference,
        CaseRequest Receipt,
        DateOnly ReceivedOn,
        CaseKind Kind,
        bool? WithinJurisdiction,
        DateOnly? AcceptedOn,
        bool Complex,
        bool RemoteArea,
        string? ForwardedTo,
        DateOnly? ForwardedOn,
        string? Guidance,
        string? Assignee,
        DateOnly? ExtendedOn,
        string? ExtensionReason,
        CaseStatus Status,
        DateOnly? ClosedOn,
        string? Outcome,
        string? RepeatOf);

    /// <summary>A workflow step the row implies, with the columns its fields come from.</summary>
    private sealed record Step(Func<Guid, Task<CaseResult>> Run, Dictionary<string, string> Columns);

    protected override string ReferenceOf(Row row) => row.Reference;

    protected override DateOnly DayOf(Row row) => row.ReceivedOn;

    protected override Row? Read(RowCells cells)
    {
        var reference = cells.Required("reference", 64);
        var kind = cells.Choice<CaseKind>("kind");
        if (kind is null && cells.IsBlank("kind"))
        {
            cells.Error("kind", ImportMessages.Empty);
        }

        var receivedOn = cells.RequiredDate("received_on");
        var channel = cells.Text("channel");
        var count = cells.Integer("petitioner_count", 1, 10000);
        var within = cells.IsBlank("within_jurisdiction") ? null : cells.Flag("within_jurisdiction");
        var acceptedOn = cells.Date("accepted_on");
        var complex = cells.Flag("complex") ?? false;
        var remote = cells.Flag("remote_area") ?? false;
        var forwardedTo = cells.Text("forwarded_to");
        var forwardedOn = cells.Date("forwarded_on");
        var guidance = cells.Text("guidance");
        var assignee = cells.Text("assignee");
        var extendedOn = cells.Date("extended_on");
        var extensionReason = cells.Text("extension_reason");
        var closedOn = cells.Date("closed_on");
        var outcome = cells.Text("outcome");
        var status = cells.Choice<CaseStatus>("status") ?? (cells.IsBlank("status") ? Implied(forwardedTo, closedOn, outcome, assignee, acceptedOn) : null);
        if (cells.HasErrors)
        {
            return null;
        }

        var receipt = new CaseRequest(
            WireNames<CaseKind>.ToWire(kind!.Value), cells.Text("unit"), IsoDate.Format(receivedOn!.Value), channel, cells.Text("subject"), cells.Text("content"),
            new PetitionerDetails(cells.Text("petitioner_name"), cells.Text("petitioner_address"), cells.Text("petitioner_phone")),
            count, reference, cells.Text("reception_session"));
        var row = new Row(reference!, receipt, receivedOn.Value, kind.Value, within, acceptedOn, complex, remote, forwardedTo, forwardedOn, guidance, assignee, extendedOn, extensionReason, status!.Value, closedOn, outcome, cells.Text("repeat_of"));
        CheckFacts(row, cells);
        return cells.HasErrors ? null : row;
    }

    /// <summary>
    /// Notes the precedent the row names, and encrypts once before the transaction opens when the file holds a
    /// denunciation: the first encryption may create the Data Protection key, saved through another connection that would
    /// otherwise wait on this import's transaction.
    /// </summary>
    protected override void Checked(Row row)
    {
        if (row.RepeatOf is { } precedent)
        {
            drafts.NamedAsPrecedent(precedent);
        }

        if (row.Kind == CaseKind.Denunciation && !protectedOnce)
        {
            identity.Protect(new PetitionerDetails(null, null, null));
            protectedOnce = true;
        }
    }

    protected override async Task BeginChunkAsync(IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        drafting ??= workflow.Drafting(drafts);
        await drafts.ReadAsync(
            Db,
            rows.Select(r => r.Reference).Concat(rows.Select(r => r.RepeatOf).OfType<string>()),
            rows.Select(r => r.Receipt.ReceptionSession).OfType<string>(),
            rows.Select(r => r.Assignee).OfType<string>(),
            cancellationToken);
        stored = await StoredAsync(rows.Select(r => r.Reference).Where(drafts.IsRecorded).ToList(), cancellationToken);
    }

    protected override Task FlushAsync(bool keep, bool end, CancellationToken cancellationToken) =>
        drafts.FlushAsync(Db, facts, keep, end, cancellationToken);

    protected override async Task<RowOutcome> WriteAsync(Row row, RowCells cells, CancellationToken cancellationToken)
    {
        if (stored.TryGetValue(row.Reference, out var recorded))
        {
            return await CompareAsync(row, recorded, cells, cancellationToken);
        }

        var received = await drafting!.ReceiveAsync(row.Receipt, cancellationToken);
        if (!received.Succeeded)
        {
            Report(cells, received.Errors, ReceiptColumns);
            return RowOutcome.Failed;
        }

        var id = received.Case!.Id;
        foreach (var step in Steps(drafting, row, cancellationToken))
        {
            var result = await step.Run(id);
            if (!result.Succeeded)
            {
                Report(cells, result.Errors, step.Columns);
                return RowOutcome.Failed;
            }
        }

        return RowOutcome.Created;
    }

    private static CaseStatus Implied(string? forwardedTo, DateOnly? closedOn, string? outcome, string? assignee, DateOnly? acceptedOn) =>
        forwardedTo is not null ? CaseStatus.Forwarded
        : closedOn is not null && outcome is not null ? CaseStatus.Resolved
        : assignee is not null && acceptedOn is not null ? CaseStatus.UnderConsideration
        : acceptedOn is not null ? CaseStatus.Accepted
        : CaseStatus.Received;

    private static bool IsAccepted(Row row) => row.Status is CaseStatus.Accepted or CaseStatus.UnderConsideration or CaseStatus.Resolved
        || (row.Status == CaseStatus.Withdrawn && row.AcceptedOn is not null);

    /// <summary>Reports facts the status needs but the row lacks, and facts that contradict it.</summary>
    private static void CheckFacts(Row row, RowCells cells)
    {
        var status = WireNames<CaseStatus>.ToWire(row.Status);
        void Needs(string column, bool present)
        {
            if (!present)
            {
                cells.Error(column, ImportMessages.RequiredForStatus, status);
            }
        }

        void Unfit(string column, object? value)
        {
            if (value is not null)
            {
                cells.Error(column, ImportMessages.DoesNotFitStatus, value is DateOnly day ? IsoDate.Format(day) : value, status);
            }
        }

        var accepted = IsAccepted(row);
        if (accepted || row.Status == CaseStatus.Withdrawn)
        {
            Needs("accepted_on", !accepted || row.AcceptedOn is not null);
        }
        else
        {
            Unfit("accepted_on", row.AcceptedOn);
            Unfit("extended_on", row.ExtendedOn);
        }

        if (row.Status != CaseStatus.Forwarded)
        {
            Unfit("forwarded_to", row.ForwardedTo);
            Unfit("forwarded_on", row.ForwardedOn);
        }

        if (row.Status is not (CaseStatus.Forwarded or CaseStatus.Rejected))
        {
            Unfit("guidance", row.Guidance);
        }

        if (row.Status is not (CaseStatus.Resolved or CaseStatus.Withdrawn))
        {
            Unfit("outcome", row.Outcome);
        }

        if (row.WithinJurisdiction is { } within && (within ? !accepted && row.Status != CaseStatus.Withdrawn : accepted || row.Status != CaseStatus.Forwarded && row.Status != CaseStatus.Rejected))
        {
            Unfit("within_jurisdiction", within ? "yes" : "no");
        }

        switch (row.Status)
        {
            case CaseStatus.Received or CaseStatus.Accepted:
                Unfit("closed_on", row.ClosedOn);
                if (row.Status == CaseStatus.Accepted)
                {
                    Unfit("assignee", row.Assignee);
                }

                break;
            case CaseStatus.UnderConsideration:
                Needs("assignee", row.Assignee is not null);
                Unfit("closed_on", row.ClosedOn);
                break;
            case CaseStatus.Resolved or CaseStatus.Withdrawn or CaseStatus.Rejected:
                Needs("closed_on", row.ClosedOn is not null);
                break;
            case CaseStatus.Forwarded:
                Needs("forwarded_on", (row.ForwardedOn ?? row.ClosedOn) is not null);
                break;
        }
    }

    /// <summary>The steps after receipt, in the order the law takes them (and so in the order of their dates).</summary>
    private static IEnumerable<Step> Steps(CaseWorkflow workflow, Row row, CancellationToken cancellationToken)
    {
        if (IsAccepted(row))
        {
            yield return new Step(id => workflow.AcceptAsync(id, row.AcceptedOn!.Value, row.Complex, row.RemoteArea, cancellationToken: cancellationToken), StepColumns("accepted_on"));
        }

        if (row.Assignee is { } assignee)
        {
            var on = row.AcceptedOn ?? row.ReceivedOn;
            yield return new Step(id => workflow.AssignAsync(id, on, assignee, cancellationToken: cancellationToken), StepColumns(row.AcceptedOn is null ? "received_on" : "accepted_on"));
        }

        if (row.ExtendedOn is { } extendedOn)
        {
            yield return new Step(id => workflow.ExtendAsync(id, extendedOn, row.ExtensionReason, null, cancellationToken: cancellationToken), StepColumns("extended_on", ("reason", "extension_reason")));
        }

        switch (row.Status)
        {
            case CaseStatus.Resolved:
                yield return new Step(id => workflow.ResolveAsync(id, row.ClosedOn!.Value, row.Outcome, cancellationToken: cancellationToken), StepColumns("closed_on"));
                break;
            case CaseStatus.Withdrawn:
                yield return new Step(id => workflow.WithdrawAsync(id, row.ClosedOn!.Value, row.Outcome, cancellationToken: cancellationToken), StepColumns("closed_on", ("note", "outcome")));
                break;
            case CaseStatus.Rejected:
                yield return new Step(id => workflow.RejectAsync(id, row.ClosedOn!.Value, row.Guidance, cancellationToken: cancellationToken), StepColumns("closed_on", ("reason", "guidance")));
                break;
            case CaseStatus.Forwarded:
                var forwardedOn = row.ForwardedOn ?? row.ClosedOn!.Value;
                yield return new Step(id => workflow.ForwardAsync(id, forwardedOn, row.ForwardedTo, row.Guidance, cancellationToken: cancellationToken), StepColumns(row.ForwardedOn is null ? "closed_on" : "forwarded_on", ("forwardedTo", "forwarded_to")));
                break;
        }

        if (row.RepeatOf is { } earlier)
        {
            yield return new Step(id => workflow.MarkRepeatAsync(id, earlier, cancellationToken: cancellationToken), StepColumns("repeat_of", ("repeatOf", "repeat_of")));
        }
    }

    private static Dictionary<string, string> StepColumns(string dateColumn, params (string Field, string Column)[] others)
    {
        var columns = others.ToDictionary(o => o.Field, o => o.Column, StringComparer.Ordinal);
        columns["on"] = dateColumn;
        return columns;
    }

    /// <summary>The recorded cases of <paramref name="references"/>, with what they name: a file imported again reads a few queries per chunk of rows, not a few per row.</summary>
    private async Task<Dictionary<string, StoredCase>> StoredAsync(List<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
        {
            return [];
        }

        var cases = await Db.Cases.AsNoTracking().Include(c => c.Extensions).Include(c => c.Steps).AsSplitQuery()
            .Where(c => references.Contains(c.Reference)).ToListAsync(cancellationToken);
        var sessionIds = cases.Select(c => c.ReceptionSessionId).OfType<Guid>().Distinct().ToList();
        var sessions = await Db.ReceptionSessions.Where(s => sessionIds.Contains(s.Id)).Select(s => new { s.Id, s.Reference }).ToDictionaryAsync(s => s.Id, s => s.Reference, cancellationToken);
        var userIds = cases.Select(c => c.AssigneeUserId).OfType<string>().Distinct().ToList();
        var users = await Db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        var earlierIds = cases.Select(c => c.RepeatOfCaseId).OfType<Guid>().Distinct().ToList();
        var earlier = await Db.Cases.Where(c => earlierIds.Contains(c.Id)).Select(c => new { c.Id, c.Reference }).ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
        return cases.ToDictionary(
            c => c.Reference,
            c => new StoredCase(
                c,
                c.ReceptionSessionId is { } sessionId ? sessions[sessionId] : null,
                c.AssigneeUserId is { } userId ? users[userId] : null,
                c.RepeatOfCaseId is { } earlierId ? earlier[earlierId] : null),
            StringComparer.Ordinal);
    }

    /// <summary>A recorded case the row names: unchanged when the row says what it says, an error otherwise.</summary>
    private async Task<RowOutcome> CompareAsync(Row row, StoredCase recorded, RowCells cells, CancellationToken cancellationToken)
    {
        var (stored, session, assignee, repeatOf) = recorded;
        if (!(await scope.FilterAsync(cancellationToken)).Contains(stored.UnitId))
        {
            Report(cells, [RecordMessages.ReferenceTaken.For("reference", row.Reference)], ReceiptColumns);
            return RowOutcome.Failed;
        }

        var unit = (await scope.GraphAsync(cancellationToken)).Find(row.Receipt.Unit ?? string.Empty, row.ReceivedOn);
        var extension = stored.Extensions.OrderBy(e => e.GrantedOn).FirstOrDefault();
        var closedOn = row.Status == CaseStatus.Forwarded ? row.ForwardedOn ?? row.ClosedOn : row.ClosedOn;
        var outcome = stored.Status == CaseStatus.Withdrawn ? stored.Steps.FirstOrDefault(s => s.Action == CaseAction.Withdrawn)?.Note : stored.Outcome;
        var accepted = IsAccepted(row);
        var facts = new List<(string Column, bool Same)>
        {
            ("kind", row.Kind == stored.Kind),
            ("unit", unit?.Id == stored.UnitId),
            ("received_on", row.ReceivedOn == stored.ReceivedOn),
            ("channel", row.Receipt.Channel == WireNames<CaseChannel>.ToWire(stored.Channel)),
            ("subject", row.Receipt.Subject == stored.Subject),
            ("content", row.Receipt.Content == stored.Content),
            ("petitioner_count", (row.Receipt.PetitionerCount ?? 1) == stored.PetitionerCount),
            ("reception_session", row.Receipt.ReceptionSession == session),
            ("accepted_on", (accepted ? row.AcceptedOn : null) == stored.AcceptedOn),
            ("complex", !accepted || row.Complex == stored.Complex),
            ("remote_area", !accepted || row.RemoteArea == stored.RemoteArea),
            ("forwarded_to", row.ForwardedTo == stored.ForwardedTo),
            ("guidance", row.Guidance == stored.Guidance),
            ("assignee", row.Assignee == assignee),
            ("extended_on", row.ExtendedOn == extension?.GrantedOn),
            ("extension_reason", row.ExtendedOn is null || row.ExtensionReason == extension?.Reason),
            ("status", row.Status == stored.Status),
            ("closed_on", closedOn == stored.ClosedOn),
            ("outcome", row.Outcome == outcome),
            ("repeat_of", row.RepeatOf == repeatOf),
        };
        if (stored.Kind != CaseKind.Denunciation)
        {
            facts.Add(("petitioner_name", row.Receipt.Petitioner?.Name == stored.PetitionerName));
            facts.Add(("petitioner_address", row.Receipt.Petitioner?.Address == stored.PetitionerAddress));
            facts.Add(("petitioner_phone", row.Receipt.Petitioner?.Phone == stored.PetitionerPhone));
        }

        var differing = facts.Where(f => !f.Same).Select(f => f.Column).ToList();
        if (differing.Count == 0)
        {
            return RowOutcome.Unchanged;
        }

        cells.Error(null, ImportMessages.CaseDiffers, row.Reference, string.Join(", ", differing));
        return RowOutcome.Failed;
    }
}
