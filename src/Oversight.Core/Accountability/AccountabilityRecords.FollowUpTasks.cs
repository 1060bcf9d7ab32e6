using Microsoft.EntityFrameworkCore;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Accountability;

public sealed partial class AccountabilityRecords
{
    /// <summary>
    /// Records a task set by the conclusion of an inspection the caller may change, for a unit within the caller's
    /// scope; an empty reference gets the inspection's next number (<c>NV-{inspection}-01</c>).
    /// </summary>
    public async Task<RecordResult<FollowUpTask>> CreateTaskAsync(FollowUpTaskRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var reference = VietnameseText.Normalize(request.Reference) is null
            ? null
            : await FreeKeyAsync(request.Reference, "reference", db.FollowUpTasks.Select(t => t.Reference), errors, cancellationToken);
        var inspection = await InspectionAsync(request.Inspection, "inspection", errors, cancellationToken, required: true);
        var fields = await CheckTaskAsync(inspection, request, errors, cancellationToken);
        if (errors.Count > 0 || fields is null)
        {
            return new(null, errors);
        }

        var task = new FollowUpTask
        {
            Reference = reference ?? await NewTaskReferenceAsync(inspection!, cancellationToken),
            InspectionId = inspection!.Id,
            Description = fields.Description,
        };
        fields.ApplyTo(task);
        return await AddAsync(task, cancellationToken);
    }

    /// <summary>Corrects a task's owner, description and deadline; it stays with its inspection, and its progress is left as it is.</summary>
    public async Task<RecordResult<FollowUpTask>> UpdateTaskAsync(Guid id, FollowUpTaskRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var inspection = task is null ? null : await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == task.InspectionId, cancellationToken);
        if (task is null || inspection is null || !await MayWriteTaskAsync(task.OwnerUnitId, inspection.DecidingUnitId, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        StaysWith(request.Inspection, inspection, errors);
        var fields = await CheckTaskAsync(inspection, request, errors, cancellationToken);
        return await CorrectAsync(task, expectedStamp, fields, errors, f => f.ApplyTo(task), cancellationToken);
    }

    /// <summary>A task the caller may change (its owner unit and its inspection within scope), by register number; null when there is none.</summary>
    public async Task<FollowUpTask?> FindTaskAsync(string reference, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Reference == VietnameseText.Normalize(reference), cancellationToken);
        return task is not null
            && await MayWriteTaskAsync(task.OwnerUnitId, await db.Inspections.Where(i => i.Id == task.InspectionId).Select(i => i.DecidingUnitId).FirstAsync(cancellationToken), cancellationToken)
            ? task
            : null;
    }

    private sealed record TaskFields(Guid OwnerUnitId, string Description, DateOnly DueOn)
    {
        public void ApplyTo(FollowUpTask task)
        {
            task.OwnerUnitId = OwnerUnitId;
            task.Description = Description;
            task.DueOn = DueOn;
        }
    }

    /// <summary>A task's fields: the inspection must be concluded, the deadline not before the conclusion, the owner a unit within scope on the conclusion's day.</summary>
    private async Task<TaskFields?> CheckTaskAsync(Inspection? inspection, FollowUpTaskRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var description = RequestFields.Text(request.Description, "description", 4000, errors, required: true, multiline: true);
        var dueOn = RequestFields.Date(request.DueOn, "dueOn", errors);
        if (inspection is null)
        {
            return null;
        }

        if (inspection.ConcludedOn is not { } concludedOn)
        {
            errors.Add(RecordMessages.NotConcluded.For("inspection", inspection.Reference));
            return null;
        }

        if (dueOn < concludedOn)
        {
            errors.Add(RecordMessages.BeforeConclusion.For("dueOn", dueOn, concludedOn));
        }

        var owner = await RequestFields.UnitAsync(scope, request.OwnerUnit, "ownerUnit", concludedOn, errors, cancellationToken);
        return errors.Count > 0 ? null : new TaskFields(owner!.Id, description!, dueOn!.Value);
    }

    /// <summary>The inspection's next free task number: <c>NV-{inspection}-01</c>, <c>-02</c> …, within the key's length.</summary>
    private async Task<string> NewTaskReferenceAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var stem = $"NV-{inspection.Reference}";
        for (var number = await db.FollowUpTasks.CountAsync(t => t.InspectionId == inspection.Id, cancellationToken) + 1; ; number++)
        {
            var suffix = FormattableString.Invariant($"-{number:D2}");
            var reference = stem[..Math.Min(stem.Length, KeyLength - suffix.Length)] + suffix;
            if (!await db.FollowUpTasks.AnyAsync(t => t.Reference == reference, cancellationToken))
            {
                return reference;
            }
        }
    }

    private async Task<bool> MayWriteTaskAsync(Guid ownerUnitId, Guid decidingUnitId, CancellationToken cancellationToken) =>
        await MayWriteAsync(ownerUnitId, cancellationToken) && await MayWriteAsync(decidingUnitId, cancellationToken);
}
