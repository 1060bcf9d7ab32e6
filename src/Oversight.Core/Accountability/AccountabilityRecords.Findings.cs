using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    private const int FindingTextLength = 8000;

    /// <summary>Records a finding of an inspection the caller may change; the inspection, target and text must not be recorded yet.</summary>
    public async Task<RecordResult<Finding>> CreateFindingAsync(FindingRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var inspection = await InspectionAsync(request.Inspection, "inspection", errors, cancellationToken, required: true);
        var fields = inspection is null ? null : await CheckFindingAsync(inspection, null, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null)
        {
            return new(null, errors);
        }

        var finding = new Finding { InspectionId = inspection!.Id, Text = fields.Text };
        fields.ApplyTo(finding, db);
        return await AddAsync(finding, cancellationToken);
    }

    /// <summary>Corrects a finding's target, text and manifestations; it stays with its inspection.</summary>
    public async Task<RecordResult<Finding>> UpdateFindingAsync(Guid id, FindingRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var finding = await db.Findings.Include(f => f.Manifestations).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        var inspection = finding is null ? null : await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == finding.InspectionId, cancellationToken);
        if (inspection is null || !await MayWriteAsync(inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var fields = await CheckFindingAsync(inspection, id, request, errors, cancellationToken);
        return await CorrectAsync(finding!, expectedStamp, fields, errors, f => f.ApplyTo(finding!, db), cancellationToken);
    }

    /// <summary>A finding of an inspection the caller may change, by its target (empty: the whole inspection) and text; null when there is none.</summary>
    public async Task<Finding?> FindFindingAsync(string inspectionReference, string? target, string text, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var inspection = await FindInspectionAsync(inspectionReference, cancellationToken);
        var targetId = inspection is null ? null : await TargetIdAsync(inspection, target, errors, cancellationToken);
        var wording = RequestFields.Text(text, "text", FindingTextLength, errors, required: true, multiline: true);
        return inspection is null || errors.Count > 0
            ? null
            : await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.InspectionId == inspection.Id && f.TargetId == targetId && f.Text == wording, cancellationToken);
    }

    private sealed record FindingFields(Guid? TargetId, string Text, IReadOnlySet<Guid> Manifestations)
    {
        public void ApplyTo(Finding finding, OversightDbContext db)
        {
            finding.TargetId = TargetId;
            finding.Text = Text;
            Relink(finding.Manifestations, Manifestations, m => m.ManifestationId, id => new FindingManifestation { FindingId = finding.Id, ManifestationId = id }, db);
        }
    }

    /// <summary>A finding's fields: one of the inspection's targets, its text (not that of another finding on the same target), codes of the directive's appendix.</summary>
    private async Task<FindingFields?> CheckFindingAsync(Inspection inspection, Guid? id, FindingRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        StaysWith(request.Inspection, inspection, errors);
        var text = RequestFields.Text(request.Text, "text", FindingTextLength, errors, required: true, multiline: true);
        var targetId = await TargetIdAsync(inspection, request.Target, errors, cancellationToken);
        var codes = RequestFields.List(request.Manifestations);
        IReadOnlySet<Guid> manifestations = new HashSet<Guid>();
        if (inspection.DirectiveId is { } directive)
        {
            var symbol = await db.Directives.Where(d => d.Id == directive).Select(d => d.Symbol).FirstAsync(cancellationToken);
            manifestations = await AppendixIdsAsync(directive, symbol, codes, errors, cancellationToken);
        }
        else if (codes.Count > 0)
        {
            errors.Add(RecordMessages.NoDirectiveToCite.For("manifestations", inspection.Reference));
        }

        if (errors.Count == 0 && await db.Findings.AnyAsync(f => f.InspectionId == inspection.Id && f.TargetId == targetId && f.Text == text && f.Id != id, cancellationToken))
        {
            errors.Add(RecordMessages.AlreadyRecorded.For("text", text));
        }

        return errors.Count > 0 ? null : new FindingFields(targetId, text!, manifestations);
    }

    /// <summary>
    /// The inspection's target a code names: the person code of a member supervised, or the code of a unit or Party
    /// organisation inspected as of the decision; null for none (the whole inspection), or when it is no target (reported).
    /// </summary>
    private async Task<Guid?> TargetIdAsync(Inspection inspection, string? code, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (VietnameseText.Normalize(code) is not { } given)
        {
            return null;
        }

        var targets = await db.Set<InspectionTarget>().AsNoTracking().Where(t => t.InspectionId == inspection.Id).ToListAsync(cancellationToken);
        var members = targets.Where(t => t.PersonId is not null).Select(t => t.PersonId!.Value).ToList();
        var person = await db.People.AsNoTracking().Where(p => members.Contains(p.Id) && p.Code == given).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(cancellationToken);
        var unit = (await scope.GraphAsync(cancellationToken)).Find(given, inspection.DecidedOn);
        var target = person is { } member
            ? targets.First(t => t.PersonId == member)
            : targets.FirstOrDefault(t => t.PersonId is null && unit is not null && t.UnitId == unit.Id);
        if (target is null)
        {
            errors.Add(RecordMessages.NotATarget.For("target", given, inspection.Reference));
        }

        return target?.Id;
    }
}
