using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    public async Task<RecordResult<DisseminationEvent>> CreateDisseminationAsync(DisseminationRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.DisseminationEvents.Select(e => e.Reference), errors, cancellationToken);
        var fields = await CheckDisseminationAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var dissemination = new DisseminationEvent { Reference = reference, Title = fields.Title };
        fields.ApplyTo(dissemination, db);
        return await AddAsync(dissemination, cancellationToken);
    }

    public async Task<RecordResult<DisseminationEvent>> UpdateDisseminationAsync(Guid id, DisseminationRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var dissemination = await db.DisseminationEvents.Include(e => e.Directives).Include(e => e.Attendance).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (dissemination is null || !await MayWriteAsync(dissemination.OrganiserUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDisseminationAsync(request, errors, cancellationToken);
        return await CorrectAsync(dissemination, expectedStamp, fields, errors, f => f.ApplyTo(dissemination, db), cancellationToken);
    }

    /// <summary>A dissemination event the caller may change, by register number; null when there is none.</summary>
    public async Task<DisseminationEvent?> FindDisseminationAsync(string reference, CancellationToken cancellationToken = default)
    {
        var dissemination = await db.DisseminationEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return dissemination is not null && await MayWriteAsync(dissemination.OrganiserUnitId, cancellationToken) ? dissemination : null;
    }

    private sealed record DisseminationFields(Guid OrganiserId, DateOnly HeldOn, bool Online, string Title, IReadOnlySet<Guid> Directives, IReadOnlyDictionary<Guid, (int Invited, int Attended)> Attendance)
    {
        public void ApplyTo(DisseminationEvent dissemination, OversightDbContext db)
        {
            dissemination.OrganiserUnitId = OrganiserId;
            dissemination.HeldOn = HeldOn;
            dissemination.Online = Online;
            dissemination.Title = Title;
            Relink(dissemination.Directives, Directives, d => d.DirectiveId, id => new DisseminationDirective { EventId = dissemination.Id, DirectiveId = id }, db);

            foreach (var gone in dissemination.Attendance.Where(a => !Attendance.ContainsKey(a.UnitId)).ToList())
            {
                dissemination.Attendance.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (unit, (invited, attended)) in Attendance)
            {
                var line = dissemination.Attendance.FirstOrDefault(a => a.UnitId == unit);
                if (line is null)
                {
                    line = new DisseminationAttendance { EventId = dissemination.Id, UnitId = unit };
                    dissemination.Attendance.Add(line);
                }

                line.Invited = invited;
                line.Attended = attended;
            }
        }
    }

    private async Task<DisseminationFields?> CheckDisseminationAsync(DisseminationRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var heldOn = RequestFields.PastDate(request.HeldOn, "heldOn", Today, errors);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var organiser = await RequestFields.UnitAsync(scope, request.Organiser, "organiser", heldOn, errors, cancellationToken);
        var directives = await DirectiveIdsAsync(request.Directives, "directives", errors, cancellationToken);
        if (directives.Count == 0 && RequestFields.List(request.Directives).Count == 0)
        {
            errors.Add(RecordMessages.Required.For("directives"));
        }

        var attendance = new Dictionary<Guid, (int, int)>();
        foreach (var line in request.Attendance ?? [])
        {
            var unit = await RequestFields.UnitAsync(scope, line.Unit, "attendance", heldOn, errors, cancellationToken);
            var invited = RequestFields.Count(line.Invited, "attendance", 0, MostPeople, errors);
            var attended = RequestFields.Count(line.Attended, "attendance", 0, MostPeople, errors);
            if (attended > invited)
            {
                errors.Add(RecordMessages.AttendedOverInvited.For("attendance", unit?.Code ?? line.Unit, attended, invited));
            }
            else if (unit is not null && !attendance.TryAdd(unit.Id, (invited ?? 0, attended ?? 0)))
            {
                errors.Add(RecordMessages.ListedTwice.For("attendance", unit.Code));
            }
        }

        return errors.Count > 0 ? null : new DisseminationFields(organiser!.Id, heldOn!.Value, request.Online, title!, directives, attendance);
    }
}
