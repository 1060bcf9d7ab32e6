using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    public async Task<RecordResult<Inspection>> CreateInspectionAsync(InspectionRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = await FreeKeyAsync(request.Reference, "reference", db.Inspections.Select(i => i.Reference), errors, cancellationToken);
        var fields = await CheckInspectionAsync(null, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || reference is null)
        {
            return new(null, errors);
        }

        var inspection = new Inspection { Reference = reference, Title = fields.Title };
        fields.ApplyTo(inspection, db);
        return await AddAsync(inspection, cancellationToken);
    }

    /// <summary>Corrects an inspection; its team and targets become those of the request (a target with findings cannot be dropped).</summary>
    public async Task<RecordResult<Inspection>> UpdateInspectionAsync(Guid id, InspectionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.Include(i => i.Team).Include(i => i.Targets).AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckInspectionAsync(id, request, errors, cancellationToken);
        var withFindings = await db.Findings.Where(f => f.InspectionId == id && f.TargetId != null).Select(f => f.TargetId!.Value).ToListAsync(cancellationToken);
        foreach (var dropped in inspection.Targets.Where(t => withFindings.Contains(t.Id) && fields?.Targets.Contains((t.Kind, t.UnitId, t.PersonId)) == false))
        {
            errors.Add(RecordMessages.TargetHasFindings.For(TargetField(dropped.Kind), await TargetNameAsync(dropped, inspection.DecidedOn, cancellationToken)));
        }

        return await CorrectAsync(inspection, expectedStamp, fields, errors, f => f.ApplyTo(inspection, db), cancellationToken);
    }

    /// <summary>
    /// Whether the caller may change an inspection decided by <paramref name="decidingUnitId"/>: its findings, conclusion
    /// and follow-up tasks are the inspecting body's to set, not the inspected unit's.
    /// </summary>
    public Task<bool> MayChangeInspectionAsync(Guid decidingUnitId, CancellationToken cancellationToken = default) => MayWriteAsync(decidingUnitId, cancellationToken);

    /// <summary>An inspection the caller may change, by register number; null when there is none.</summary>
    public async Task<Inspection?> FindInspectionAsync(string reference, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return inspection is not null && await MayWriteAsync(inspection.DecidingUnitId, cancellationToken) ? inspection : null;
    }

    /// <summary>
    /// Records or corrects an inspection's conclusion. The follow-up tasks it already set must stay due on or after
    /// it, with no progress before it.
    /// </summary>
    public async Task<RecordResult<Inspection>> ConcludeAsync(Guid inspectionId, ConclusionRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var conclusion = await CheckConclusionAsync(inspection.Id, request, inspection.DecidedOn, required: true, errors, cancellationToken);
        return await CorrectAsync(inspection, expectedStamp, conclusion, errors, c => (inspection.ConcludedOn, inspection.Conclusion) = c, cancellationToken);
    }

    private sealed record InspectionFields(
        InspectionKind Kind, Guid DecidingUnitId, string? DecisionNumber, DateOnly DecidedOn, string Title, Guid? DirectiveId,
        DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly? ConcludedOn, string? Conclusion,
        IReadOnlyList<(string Name, string? Role, bool IsLead)> Team, IReadOnlySet<(TargetKind Kind, Guid? UnitId, Guid? PersonId)> Targets)
    {
        public void ApplyTo(Inspection inspection, OversightDbContext db)
        {
            inspection.Kind = Kind;
            inspection.DecidingUnitId = DecidingUnitId;
            inspection.DecisionNumber = DecisionNumber;
            inspection.DecidedOn = DecidedOn;
            inspection.Title = Title;
            inspection.DirectiveId = DirectiveId;
            inspection.PeriodFrom = PeriodFrom;
            inspection.PeriodTo = PeriodTo;
            inspection.ConcludedOn = ConcludedOn;
            inspection.Conclusion = Conclusion;
            foreach (var gone in inspection.Team.Where(m => !Team.Contains((m.Name, m.Role, m.IsLead))).ToList())
            {
                inspection.Team.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (name, role, isLead) in Team.Where(m => !inspection.Team.Any(t => (t.Name, t.Role, t.IsLead) == m)))
            {
                inspection.Team.Add(new TeamMember { InspectionId = inspection.Id, Name = name, Role = role, IsLead = isLead });
            }

            foreach (var gone in inspection.Targets.Where(t => !Targets.Contains((t.Kind, t.UnitId, t.PersonId))).ToList())
            {
                inspection.Targets.Remove(gone);
                db.Remove(gone);
            }

            foreach (var (kind, unit, person) in Targets.Where(t => !inspection.Targets.Any(i => (i.Kind, i.UnitId, i.PersonId) == t)))
            {
                inspection.Targets.Add(new InspectionTarget { InspectionId = inspection.Id, Kind = kind, UnitId = unit, PersonId = person });
            }
        }
    }

    private async Task<InspectionFields?> CheckInspectionAsync(Guid? id, InspectionRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var kind = RequestFields.Parse<InspectionKind>(request.Kind, "kind", errors);
        var decidedOn = RequestFields.PastDate(request.DecidedOn, "decidedOn", Today, errors);
        var decisionNumber = RequestFields.Text(request.DecisionNumber, "decisionNumber", KeyLength, errors, required: false);
        var title = RequestFields.Text(request.Title, "title", 500, errors, required: true);
        var periodFrom = OptionalDate(request.PeriodFrom, "periodFrom", errors);
        var periodTo = OptionalDate(request.PeriodTo, "periodTo", errors);
        After(periodTo, "periodTo", periodFrom, "periodFrom", errors);
        var (concludedOn, conclusion) = await CheckConclusionAsync(id, new ConclusionRequest(request.ConcludedOn, request.Conclusion), decidedOn, required: false, errors, cancellationToken);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", decidedOn, errors, cancellationToken);
        var directive = await DirectiveIdAsync(request.Directive, "directive", errors, cancellationToken);

        var team = new List<(string, string?, bool)>();
        foreach (var member in request.Team ?? [])
        {
            var name = RequestFields.Text(member.Name, "team", 200, errors, required: true);
            var role = RequestFields.Text(member.Role, "team", 300, errors, required: false);
            if (name is not null && team.Any(m => m.Item1 == name))
            {
                errors.Add(RecordMessages.ListedTwice.For("team", name));
            }
            else if (name is not null)
            {
                team.Add((name, role, member.IsLead));
            }
        }

        var targets = new HashSet<(TargetKind, Guid?, Guid?)>();
        void Target(TargetKind kind, Guid? unit, Guid? person, string field, string code)
        {
            if (!targets.Add((kind, unit, person)))
            {
                errors.Add(RecordMessages.ListedTwice.For(field, code));
            }
        }

        foreach (var code in RequestFields.List(request.TargetUnits))
        {
            if (await RequestFields.UnitAsync(scope, code, "targetUnits", decidedOn, errors, cancellationToken) is { } unit)
            {
                Target(TargetKind.Unit, unit.Id, null, "targetUnits", code);
            }
        }

        foreach (var code in RequestFields.List(request.TargetOrganisations))
        {
            if (await PartyBodyAsync(code, "targetOrganisations", decidedOn, errors, cancellationToken) is { } organisation)
            {
                Target(TargetKind.PartyOrganisation, organisation.Id, null, "targetOrganisations", code);
            }
        }

        foreach (var code in RequestFields.List(request.TargetMembers))
        {
            if (decidedOn is { } day && await MemberAsync(code, "targetMembers", day, errors, cancellationToken) is { } member)
            {
                Target(TargetKind.PartyMember, member.Membership.BranchId, member.PersonId, "targetMembers", code);
            }
        }

        return errors.Count > 0
            ? null
            : new InspectionFields(kind!.Value, decidingUnit!.Id, decisionNumber, decidedOn!.Value, title!, directive,
                periodFrom, periodTo, concludedOn, conclusion, team, targets);
    }

    private static string TargetField(TargetKind kind) => kind switch
    {
        TargetKind.Unit => "targetUnits",
        TargetKind.PartyOrganisation => "targetOrganisations",
        _ => "targetMembers",
    };

    private async Task<string> TargetNameAsync(InspectionTarget target, DateOnly on, CancellationToken cancellationToken) => target.PersonId is { } person
        ? await db.People.Where(p => p.Id == person).Select(p => p.Code).FirstAsync(cancellationToken)
        : (await scope.GraphAsync(cancellationToken)).At(target.UnitId!.Value, on)?.Code ?? string.Empty;

    /// <summary>
    /// An inspection's conclusion (required for <see cref="ConcludeAsync"/>, optional on the inspection's own form):
    /// not before the decision, and, for a recorded inspection, not after the deadline or progress of a task it set;
    /// a conclusion that set tasks cannot be removed.
    /// </summary>
    private async Task<(DateOnly? ConcludedOn, string? Conclusion)> CheckConclusionAsync(
        Guid? inspectionId, ConclusionRequest request, DateOnly? decidedOn, bool required, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var before = errors.Count;
        var concludedOn = required
            ? RequestFields.PastDate(request.ConcludedOn, "concludedOn", Today, errors)
            : RequestFields.OptionalPastDate(request.ConcludedOn, "concludedOn", Today, errors);
        After(concludedOn, "concludedOn", decidedOn, "decidedOn", errors);
        var conclusion = RequestFields.Text(request.Conclusion, "conclusion", 8000, errors, required, multiline: true);
        if (inspectionId is { } id && errors.Count == before)
        {
            var tasks = db.FollowUpTasks.Where(t => t.InspectionId == id);
            if (concludedOn is not { } day)
            {
                if (await tasks.CountAsync(cancellationToken) is > 0 and var count)
                {
                    errors.Add(RecordMessages.ConclusionSetTasks.For("concludedOn", count));
                }
            }
            else if (await tasks.Where(t => t.DueOn < day || t.Progress.Any(p => p.On < day)).OrderBy(t => t.Reference).Select(t => t.Reference).FirstOrDefaultAsync(cancellationToken) is { } early)
            {
                errors.Add(RecordMessages.TaskBeforeConclusion.For("concludedOn", early, day));
            }
        }

        return (concludedOn, conclusion);
    }
}
