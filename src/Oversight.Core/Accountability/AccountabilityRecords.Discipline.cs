using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    /// <summary>The forms of discipline the rule packs allow for a subject on a day.</summary>
    public async Task<AllowedForms> FormsAsync(DisciplineSubject subject, DateOnly on, CancellationToken cancellationToken = default) =>
        DisciplineForms.Allowed(await rules.GetAsync(db, cancellationToken), subject, on);

    /// <summary>The statute-of-limitation check a page shows before a decision is recorded.</summary>
    public async Task<LimitationCheck> LimitationAsync(DisciplineForm form, DateOnly violationOn, DateOnly decidedOn, CancellationToken cancellationToken = default) =>
        DisciplineLimitation.Check(await rules.GetAsync(db, cancellationToken), form, violationOn, decidedOn);

    public async Task<RecordResult<DisciplineDecision>> CreateDecisionAsync(DisciplineRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var number = await FreeKeyAsync(request.DecisionNumber, "decisionNumber", db.DisciplineDecisions.Select(d => d.DecisionNumber), errors, cancellationToken);
        var fields = await CheckDecisionAsync(request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null || number is null)
        {
            return new(null, errors);
        }

        var decision = new DisciplineDecision { DecisionNumber = number };
        fields.ApplyTo(decision, db);
        return await AddAsync(decision, cancellationToken);
    }

    public async Task<RecordResult<DisciplineDecision>> UpdateDecisionAsync(Guid id, DisciplineRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var decision = await db.DisciplineDecisions.Include(d => d.Manifestations).FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null || !await MayWriteAsync(decision.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckDecisionAsync(request, errors, cancellationToken);
        return await CorrectAsync(decision, expectedStamp, fields, errors, f => f.ApplyTo(decision, db), cancellationToken);
    }

    /// <summary>A decision the caller may change, by its number; null when there is none.</summary>
    public async Task<DisciplineDecision?> FindDecisionAsync(string decisionNumber, CancellationToken cancellationToken = default)
    {
        var decision = await db.DisciplineDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.DecisionNumber == VietnameseText.Normalize(decisionNumber), cancellationToken);
        return decision is not null && await MayWriteAsync(decision.DecidingUnitId, cancellationToken) ? decision : null;
    }

    private sealed record DecisionFields(
        DateOnly DecidedOn, DecidingBody Body, Guid DecidingUnitId, DisciplineSubject Subject, Guid? PersonId, Guid SubjectUnitId,
        DisciplineForm Form, DateOnly ViolationOn, string? Summary, Guid? SourceInspectionId, IReadOnlySet<Guid> Manifestations)
    {
        public void ApplyTo(DisciplineDecision decision, OversightDbContext db)
        {
            decision.DecidedOn = DecidedOn;
            decision.Body = Body;
            decision.DecidingUnitId = DecidingUnitId;
            decision.Subject = Subject;
            decision.SubjectPersonId = PersonId;
            decision.SubjectUnitId = SubjectUnitId;
            decision.Form = Form;
            decision.ViolationOn = ViolationOn;
            decision.Summary = Summary;
            decision.SourceInspectionId = SourceInspectionId;
            Relink(decision.Manifestations, Manifestations, m => m.ManifestationId, id => new DecisionManifestation { DecisionId = decision.Id, ManifestationId = id }, db);
        }
    }

    private async Task<DecisionFields?> CheckDecisionAsync(DisciplineRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var decidedOn = RequestFields.PastDate(request.DecidedOn, "decidedOn", Today, errors);
        var violationOn = RequestFields.PastDate(request.ViolationOn, "violationOn", Today, errors);
        After(decidedOn, "decidedOn", violationOn, "violationOn", errors);
        var body = RequestFields.Parse<DecidingBody>(request.Body, "body", errors);
        var subject = RequestFields.Parse<DisciplineSubject>(request.Subject, "subject", errors);
        var form = RequestFields.Parse<DisciplineForm>(request.Form, "form", errors);
        var summary = RequestFields.Text(request.Summary, "summary", 4000, errors, required: false, multiline: true);
        var decidingUnit = await RequestFields.UnitAsync(scope, request.DecidingUnit, "decidingUnit", decidedOn, errors, cancellationToken);

        Guid? personId = null;
        Guid? subjectUnitId = null;
        if (subject == DisciplineSubject.Organisation)
        {
            if (VietnameseText.Normalize(request.SubjectPerson) is not null)
            {
                errors.Add(RecordMessages.OnlyWhen.For("subjectPerson", "subject", "member, probationary-member"));
            }

            subjectUnitId = (await PartyBodyAsync(request.SubjectUnit, "subjectUnit", decidedOn, errors, cancellationToken, required: true))?.Id;
        }
        else if (subject is { } memberSubject)
        {
            if (VietnameseText.Normalize(request.SubjectUnit) is not null)
            {
                errors.Add(RecordMessages.OnlyWhen.For("subjectUnit", "subject", "organisation"));
            }

            if (VietnameseText.Normalize(request.SubjectPerson) is not { } code)
            {
                errors.Add(RecordMessages.RequiredWhen.For("subjectPerson", "subject", WireNames<DisciplineSubject>.ToWire(memberSubject)));
            }
            else if (decidedOn is { } day && await MemberAsync(code, "subjectPerson", day, errors, cancellationToken) is { } member)
            {
                var status = member.Membership.OfficialFrom <= day ? DisciplineSubject.Member : DisciplineSubject.ProbationaryMember;
                if (status != memberSubject)
                {
                    errors.Add(RecordMessages.MemberStatusDiffers.For("subject", code, WireNames<DisciplineSubject>.ToWire(status), day));
                }

                (personId, subjectUnitId) = (member.PersonId, member.Membership.BranchId);
            }
        }

        if (subject is { } kind && form is { } chosen && decidedOn is { } on)
        {
            var allowed = await FormsAsync(kind, on, cancellationToken);
            if (allowed.Rule is null)
            {
                errors.Add(RecordMessages.NoRule.For("form", on, $"discipline.forms.{WireNames<DisciplineSubject>.ToWire(kind)}"));
            }
            else if (!allowed.Forms.Contains(chosen))
            {
                errors.Add(RecordMessages.FormNotAllowed.For("form", WireNames<DisciplineForm>.ToWire(chosen), WireNames<DisciplineSubject>.ToWire(kind),
                    string.Join(", ", allowed.Forms.Select(WireNames<DisciplineForm>.ToWire))));
            }
            else if (violationOn is { } violated && await LimitationAsync(chosen, violated, on, cancellationToken) is { Lapsed: true } limitation)
            {
                errors.Add(RecordMessages.LimitationLapsed.For("violationOn", WireNames<DisciplineForm>.ToWire(chosen), limitation.LapsesOn, on, limitation.Rule!.ToString()));
            }
        }

        var sourceInspectionId = (await InspectionAsync(request.SourceInspection, "sourceInspection", errors, cancellationToken, required: false))?.Id;
        var manifestations = await ManifestationIdsAsync(request.Directive, request.Manifestations, errors, cancellationToken);
        return errors.Count > 0
            ? null
            : new DecisionFields(decidedOn!.Value, body!.Value, decidingUnit!.Id, subject!.Value, personId, subjectUnitId!.Value, form!.Value,
                violationOn!.Value, summary, sourceInspectionId, manifestations);
    }
}
