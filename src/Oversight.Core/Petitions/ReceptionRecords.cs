using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// A reception session as it arrives from a page or an imported row: text as given, checked field by field by
/// <see cref="ReceptionRecords"/>. Cases join a session when they are received with its register number
/// (<see cref="CaseRequest.ReceptionSession"/>).
/// </summary>
/// <param name="Unit">The unit's code, as of <paramref name="HeldOn"/>.</param>
/// <param name="HeldOn">YYYY-MM-DD.</param>
/// <param name="HostName">The host's name as written in the register.</param>
/// <param name="HostPersonCode">The host's person code, when a person record exists; optional.</param>
/// <param name="HostRole"><c>party-secretary</c>, <c>committee-chairman</c>, <c>other-leader</c> or <c>officer</c>.</param>
/// <param name="Kind"><c>regular</c> or <c>ad-hoc</c>.</param>
/// <param name="Visits">Visits (a group that comes together is one); 0 when not given.</param>
/// <param name="People">People received, at least as many as the visits; 0 when not given.</param>
/// <param name="Note">Free text.</param>
/// <param name="Reference">The register number; Oversight gives one when not given. It never changes once given.</param>
public sealed record ReceptionSessionRequest(
    string? Unit,
    string? HeldOn,
    string? HostName,
    string? HostPersonCode,
    string? HostRole,
    string? Kind,
    int? Visits,
    int? People,
    string? Note = null,
    string? Reference = null);

/// <summary>A dialogue meeting as it arrives from a page or an imported row, checked by <see cref="ReceptionRecords"/>.</summary>
/// <param name="Unit">The unit's code, as of <paramref name="HeldOn"/>.</param>
/// <param name="Level"><c>province</c>, <c>district</c> or <c>commune</c>.</param>
/// <param name="HeldOn">YYYY-MM-DD.</param>
/// <param name="Topic">What was discussed.</param>
/// <param name="Participants">How many took part; 0 when not given.</param>
/// <param name="ParticipantNote">Who took part, as written.</param>
/// <param name="Outcome">What was concluded.</param>
/// <param name="Cases">Register numbers of the cases discussed (each one the caller may see); on update the list replaces the old one.</param>
/// <param name="Reference">The register number; Oversight gives one when not given. It never changes once given.</param>
public sealed record DialogueMeetingRequest(
    string? Unit,
    string? Level,
    string? HeldOn,
    string? Topic,
    int? Participants,
    string? ParticipantNote = null,
    string? Outcome = null,
    IReadOnlyList<string>? Cases = null,
    string? Reference = null);

/// <summary>
/// The write side of the reception register: reception sessions and dialogue meetings, created and corrected in
/// units within the caller's scope. Every save is audited by the context; an update that changes nothing writes
/// nothing.
/// </summary>
/// <remarks>
/// Expected failures are values: field errors, <c>NotFound</c> when the record does not exist for the caller, or
/// <see cref="RecordMessages.ChangedMeanwhile"/> for a correction made on a copy read before someone else's
/// (<see cref="RecordEdits"/>). Saves join a transaction the caller opened on the context (imports do, to write a
/// whole file or nothing).
/// </remarks>
public sealed class ReceptionRecords(OversightDbContext db, CallerScope scope, TimeProvider time)
{
    private const int ReferenceLength = 64;
    private const int MostPeople = 100000;
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>Records a reception session in a unit within the caller's scope.</summary>
    public async Task<RecordResult<ReceptionSession>> CreateSessionAsync(ReceptionSessionRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await NewOrFreeReferenceAsync(request.Reference, errors, "TCD", db.ReceptionSessions.Select(s => s.Reference), RecordMessages.SessionReferenceTaken, request.HeldOn, cancellationToken);
        var fields = await CheckSessionAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new RecordResult<ReceptionSession>(null, errors);
        }

        var session = new ReceptionSession { Reference = reference, HostName = fields.HostName };
        fields.ApplyTo(session);
        db.ReceptionSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordResult<ReceptionSession>(session, [], Changed: true);
    }

    /// <summary>Corrects a session the caller may see; its unit may move to another unit within the caller's scope.</summary>
    public async Task<RecordResult<ReceptionSession>> UpdateSessionAsync(Guid id, ReceptionSessionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var session = await db.ReceptionSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || !(await scope.FilterAsync(cancellationToken)).Contains(session.UnitId))
        {
            return new RecordResult<ReceptionSession>(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckSessionAsync(request, errors, cancellationToken);
        return await db.SaveEditAsync(session, expectedStamp, errors, () => fields!.ApplyTo(session), cancellationToken);
    }

    /// <summary>A session the caller may see, by id; null when it does not exist for them.</summary>
    public Task<ReceptionSession?> FindSessionAsync(Guid id, CancellationToken cancellationToken = default) =>
        VisibleAsync(db.ReceptionSessions.AsNoTracking().Where(s => s.Id == id), s => s.UnitId, cancellationToken);

    /// <summary>A session the caller may see, by register number; null when it does not exist for them.</summary>
    public Task<ReceptionSession?> FindSessionAsync(string reference, CancellationToken cancellationToken = default) =>
        VisibleAsync(db.ReceptionSessions.AsNoTracking().Where(s => s.Reference == VietnameseText.Normalize(reference)), s => s.UnitId, cancellationToken);

    /// <summary>Records a dialogue meeting in a unit within the caller's scope, with the cases it discussed.</summary>
    public async Task<RecordResult<DialogueMeeting>> CreateMeetingAsync(DialogueMeetingRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await NewOrFreeReferenceAsync(request.Reference, errors, "DT", db.DialogueMeetings.Select(m => m.Reference), RecordMessages.MeetingReferenceTaken, request.HeldOn, cancellationToken);
        var fields = await CheckMeetingAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new RecordResult<DialogueMeeting>(null, errors);
        }

        var meeting = new DialogueMeeting { Reference = reference, Topic = fields.Topic };
        fields.ApplyTo(meeting);
        db.DialogueMeetings.Add(meeting);
        LinkCases(meeting, fields.CaseIds);
        await db.SaveChangesAsync(cancellationToken);
        return new RecordResult<DialogueMeeting>(meeting, [], Changed: true);
    }

    /// <summary>Corrects a meeting the caller may see; the cases listed replace those linked before.</summary>
    public async Task<RecordResult<DialogueMeeting>> UpdateMeetingAsync(Guid id, DialogueMeetingRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var meeting = await db.DialogueMeetings.Include(m => m.Cases).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null || !(await scope.FilterAsync(cancellationToken)).Contains(meeting.UnitId))
        {
            return new RecordResult<DialogueMeeting>(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckMeetingAsync(request, errors, cancellationToken);
        return await db.SaveEditAsync(meeting, expectedStamp, errors, () =>
        {
            fields!.ApplyTo(meeting);
            LinkCases(meeting, fields.CaseIds);
        }, cancellationToken);
    }

    /// <summary>A meeting the caller may see, with its case links, by id; null when it does not exist for them.</summary>
    public Task<DialogueMeeting?> FindMeetingAsync(Guid id, CancellationToken cancellationToken = default) =>
        VisibleAsync(db.DialogueMeetings.AsNoTracking().Include(m => m.Cases).Where(m => m.Id == id), m => m.UnitId, cancellationToken);

    /// <summary>A meeting the caller may see, with its case links, by register number; null when it does not exist for them.</summary>
    public Task<DialogueMeeting?> FindMeetingAsync(string reference, CancellationToken cancellationToken = default) =>
        VisibleAsync(db.DialogueMeetings.AsNoTracking().Include(m => m.Cases).Where(m => m.Reference == VietnameseText.Normalize(reference)), m => m.UnitId, cancellationToken);

    private sealed record SessionFields(Guid UnitId, DateOnly HeldOn, Guid? HostPersonId, string HostName, HostRole HostRole, SessionKind Kind, int Visits, int People, string? Note)
    {
        public void ApplyTo(ReceptionSession session)
        {
            session.UnitId = UnitId;
            session.HeldOn = HeldOn;
            session.HostPersonId = HostPersonId;
            session.HostName = HostName;
            session.HostRole = HostRole;
            session.Kind = Kind;
            session.Visits = Visits;
            session.People = People;
            session.Note = Note;
        }
    }

    private sealed record MeetingFields(Guid UnitId, DialogueLevel Level, DateOnly HeldOn, string Topic, int Participants, string? ParticipantNote, string? Outcome, IReadOnlySet<Guid> CaseIds)
    {
        public void ApplyTo(DialogueMeeting meeting)
        {
            meeting.UnitId = UnitId;
            meeting.Level = Level;
            meeting.HeldOn = HeldOn;
            meeting.Topic = Topic;
            meeting.Participants = Participants;
            meeting.ParticipantNote = ParticipantNote;
            meeting.Outcome = Outcome;
        }
    }

    /// <summary>Makes the meeting's links exactly <paramref name="caseIds"/>, touching only those that change.</summary>
    private void LinkCases(DialogueMeeting meeting, IReadOnlySet<Guid> caseIds)
    {
        foreach (var gone in meeting.Cases.Where(link => !caseIds.Contains(link.CaseId)).ToList())
        {
            meeting.Cases.Remove(gone);
            db.DialogueMeetingCases.Remove(gone);
        }

        foreach (var caseId in caseIds.Where(caseId => meeting.Cases.All(link => link.CaseId != caseId)))
        {
            var link = new DialogueMeetingCase { MeetingId = meeting.Id, CaseId = caseId };
            meeting.Cases.Add(link);
            db.DialogueMeetingCases.Add(link);
        }
    }

    private async Task<SessionFields?> CheckSessionAsync(ReceptionSessionRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var heldOn = RequestFields.PastDate(request.HeldOn, "heldOn", Today, errors);
        var hostName = RequestFields.Text(request.HostName, "hostName", 200, errors, required: true);
        var role = RequestFields.Parse<HostRole>(request.HostRole, "hostRole", errors);
        var kind = RequestFields.Parse<SessionKind>(request.Kind, "kind", errors);
        var note = RequestFields.Text(request.Note, "note", 2000, errors, required: false);
        var visits = RequestFields.Count(request.Visits, "visits", 0, MostPeople, errors);
        var people = RequestFields.Count(request.People, "people", visits ?? 0, MostPeople, errors);
        var unit = await RequestFields.UnitAsync(scope, request.Unit, "unit", heldOn, errors, cancellationToken);
        Guid? hostPersonId = null;
        if (VietnameseText.Normalize(request.HostPersonCode) is { } personCode)
        {
            hostPersonId = await db.People.AsNoTracking().Where(p => p.Code == personCode).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
            if (hostPersonId is null)
            {
                errors.Add(RecordMessages.PersonNotFound.For("hostPersonCode", personCode));
            }
        }

        return errors.Count > 0 || unit is null
            ? null
            : new SessionFields(unit.Id, heldOn!.Value, hostPersonId, hostName!, role!.Value, kind!.Value, visits!.Value, people!.Value, note);
    }

    private async Task<MeetingFields?> CheckMeetingAsync(DialogueMeetingRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var heldOn = RequestFields.PastDate(request.HeldOn, "heldOn", Today, errors);
        var level = RequestFields.Parse<DialogueLevel>(request.Level, "level", errors);
        var topic = RequestFields.Text(request.Topic, "topic", 500, errors, required: true);
        var participants = RequestFields.Count(request.Participants, "participants", 0, MostPeople, errors);
        var participantNote = RequestFields.Text(request.ParticipantNote, "participantNote", 2000, errors, required: false);
        var outcome = RequestFields.Text(request.Outcome, "outcome", 4000, errors, required: false);
        var unit = await RequestFields.UnitAsync(scope, request.Unit, "unit", heldOn, errors, cancellationToken);
        var caseIds = new HashSet<Guid>();
        var references = RequestFields.List(request.Cases);
        if (references.Count > 0)
        {
            var filter = await scope.FilterAsync(cancellationToken);
            var found = await db.Cases.AsNoTracking().Where(c => references.Contains(c.Reference))
                .Select(c => new { c.Id, c.Reference, c.UnitId }).ToListAsync(cancellationToken);
            foreach (var reference in references)
            {
                var match = found.FirstOrDefault(c => c.Reference == reference);
                if (match is null || !filter.Contains(match.UnitId))
                {
                    errors.Add(RecordMessages.CaseNotFound.For("cases", reference));
                }
                else
                {
                    caseIds.Add(match.Id);
                }
            }
        }

        return errors.Count > 0 || unit is null
            ? null
            : new MeetingFields(unit.Id, level!.Value, heldOn!.Value, topic!, participants!.Value, participantNote, outcome, caseIds);
    }

    private async Task<string?> NewOrFreeReferenceAsync(string? given, List<FieldError> errors, string prefix, IQueryable<string> taken, RecordMessage takenMessage, string? heldOn, CancellationToken cancellationToken)
    {
        var reference = RequestFields.Text(given, "reference", ReferenceLength, errors, required: false);
        if (reference is null)
        {
            var year = IsoDate.TryParse(heldOn?.Trim(), out var day) ? day.Year : Today.Year;
            return $"{prefix}-{year}-{RandomNumberGenerator.GetString(ReferenceAlphabet, 8)}";
        }

        if (await taken.AnyAsync(r => r == reference, cancellationToken))
        {
            errors.Add(takenMessage.For("reference", reference));
            return null;
        }

        return reference;
    }

    private async Task<TRecord?> VisibleAsync<TRecord>(IQueryable<TRecord> query, Func<TRecord, Guid> unitOf, CancellationToken cancellationToken)
        where TRecord : class
    {
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is not null && (await scope.FilterAsync(cancellationToken)).Contains(unitOf(record)) ? record : null;
    }
}
