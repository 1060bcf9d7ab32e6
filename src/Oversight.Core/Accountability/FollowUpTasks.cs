using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Attachments;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;

namespace Oversight.Accountability;

/// <summary>A progress update as it arrives from the task's form: text as given, checked by <see cref="FollowUpTasks"/>.</summary>
/// <param name="On">YYYY-MM-DD, the day of the progress; not after today, not before the inspection's conclusion.</param>
/// <param name="Note">What was done.</param>
/// <param name="PercentComplete">0 to 100; optional; a done task is 100.</param>
/// <param name="Done">Whether this update reports the task done on <paramref name="On"/>, for the inspecting body to accept or return.</param>
/// <param name="Evidence">Files showing the progress (minutes, decisions, photographs).</param>
public sealed record ProgressRequest(string? On, string? Note, int? PercentComplete, bool Done, IReadOnlyList<Upload> Evidence);

/// <summary>One progress update with the files that show it.</summary>
public sealed record ProgressEntry(TaskProgress Progress, IReadOnlyList<Attachment> Evidence);

/// <summary>The inspecting body's answer to a unit's report that a task is done: accepted, or returned with the reason.</summary>
/// <param name="Accept">Whether the report is accepted; otherwise it is returned.</param>
/// <param name="Reason">Why the report is returned (required then), or a remark on accepting it.</param>
public sealed record VerificationRequest(bool Accept, string? Reason);

/// <summary>
/// A follow-up task on its page: the inspection that set it, its owner, whether it is overdue today, its progress,
/// in the order recorded, and whether the caller is the inspecting body, who accepts or returns the unit's report.
/// </summary>
public sealed record FollowUpTaskView(FollowUpTask Task, Inspection Inspection, string Owner, bool Overdue, IReadOnlyList<ProgressEntry> Progress, bool MayVerify);

/// <summary>
/// The tasks an inspection's conclusion set, followed until done: read and updated by callers whose scope reaches
/// the task's owner unit, who report it done; the inspecting body accepts the report or returns it with a reason.
/// Each step is saved with its evidence in one step, audited.
/// </summary>
public sealed class FollowUpTasks(OversightDbContext db, CallerScope scope, Caller caller, AccountabilityRecords records, AttachmentFiles attachments, TimeProvider time)
{
    private const int NoteLength = 4000;

    /// <summary>A task with its progress and evidence; null when it does not exist for the caller.</summary>
    public async Task<FollowUpTaskView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.AsNoTracking().Include(t => t.Progress).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !(await scope.FilterAsync(cancellationToken)).Contains(task.OwnerUnitId))
        {
            return null;
        }

        var inspection = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == task.InspectionId, cancellationToken);
        var graph = await scope.GraphAsync(cancellationToken);
        // In the order recorded (ids are time-ordered): an answer to a report follows the report, whatever the days they give.
        var progress = task.Progress.OrderBy(p => p.Id).ToList();
        var evidence = await attachments.OfAsync(nameof(TaskProgress), progress.Select(p => p.Id).ToList(), cancellationToken);
        return new FollowUpTaskView(
            task,
            inspection,
            graph.NameOn(task.OwnerUnitId, task.DueOn),
            FollowUpTask.IsOverdue(task.DueOn, task.DoneOn, VietnamTime.Today(time)),
            progress.Select(p => new ProgressEntry(p, evidence[p.Id].ToList())).ToList(),
            task.Status == FollowUpStatus.Reported && await records.MayChangeInspectionAsync(inspection.DecidingUnitId, cancellationToken));
    }

    /// <summary>
    /// Records progress on a task the caller may see, with its evidence: the task is in progress after it, or reported
    /// done when the update says so, for the inspecting body to accept or return. A reported or done task takes no
    /// more updates; an update from a page read before another was recorded is refused (<see cref="RecordEdits"/>).
    /// </summary>
    public async Task<RecordResult<FollowUpTask>> RecordProgressAsync(Guid id, ProgressRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !(await scope.FilterAsync(cancellationToken)).Contains(task.OwnerUnitId))
        {
            return new RecordResult<FollowUpTask>(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        if ((task.DoneOn ?? task.ReportedDoneOn) is { } doneOn)
        {
            db.Entry(task).State = EntityState.Detached;
            var message = task.Status == FollowUpStatus.Done ? RecordMessages.TaskDone : RecordMessages.TaskReported;
            return new RecordResult<FollowUpTask>(null, [message.For(string.Empty, doneOn)]);
        }

        var on = RequestFields.Date(request.On, "on", errors);
        var today = VietnamTime.Today(time);
        var concludedOn = await db.Inspections.Where(i => i.Id == task.InspectionId).Select(i => i.ConcludedOn).FirstAsync(cancellationToken);
        if (on > today)
        {
            errors.Add(RecordMessages.InTheFuture.For("on", on, today));
        }
        else if (on < concludedOn)
        {
            errors.Add(RecordMessages.BeforeConclusion.For("on", on, concludedOn));
        }

        var note = RequestFields.Text(request.Note, "note", NoteLength, errors, required: true, multiline: true);
        if (request.PercentComplete is < 0 or > 100)
        {
            errors.Add(RecordMessages.OutOfRange.For("percentComplete", request.PercentComplete, 0, 100));
        }
        else if (request.Done && request.PercentComplete is { } percent and not 100)
        {
            errors.Add(RecordMessages.DoneNotComplete.For("percentComplete", percent));
        }

        var files = attachments.Check(request.Evidence, "evidence", errors);
        TaskProgress? progress = null;
        return await db.SaveEditAsync(task, expectedStamp, errors, () =>
        {
            progress = new TaskProgress
            {
                TaskId = task.Id,
                On = on!.Value,
                Note = note!,
                PercentComplete = request.Done ? 100 : request.PercentComplete,
                Kind = request.Done ? ProgressKind.Reported : ProgressKind.Update,
                RecordedBy = caller.Name,
            };
            db.Add(progress);
            task.Status = request.Done ? FollowUpStatus.Reported : FollowUpStatus.InProgress;
            task.ReportedDoneOn = request.Done ? progress.On : null;
        }, cancellationToken, token => attachments.SaveWithAsync(files, nameof(TaskProgress), progress!.Id, task.OwnerUnitId, token));
    }

    /// <summary>
    /// The inspecting body's answer to the unit's report that a task is done. Accepted, the task is done on the day
    /// the unit reported (late when that is after its deadline) and closed by the caller; returned, with the reason,
    /// it is in progress again. Only a caller whose scope reaches the body that decided the inspection answers;
    /// anyone else finds no task to answer (<see cref="RecordResult{T}.NotFound"/>).
    /// </summary>
    public async Task<RecordResult<FollowUpTask>> VerifyAsync(Guid id, VerificationRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        var decidingUnitId = task is null ? (Guid?)null : await db.Inspections.Where(i => i.Id == task.InspectionId).Select(i => i.DecidingUnitId).FirstAsync(cancellationToken);
        if (task is null || !await records.MayChangeInspectionAsync(decidingUnitId!.Value, cancellationToken))
        {
            return new RecordResult<FollowUpTask>(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        if (task.Status != FollowUpStatus.Reported)
        {
            db.Entry(task).State = EntityState.Detached;
            return new RecordResult<FollowUpTask>(null, [RecordMessages.TaskNotReported.For(string.Empty)]);
        }

        var reason = RequestFields.Text(request.Reason, "reason", NoteLength, errors, required: !request.Accept, multiline: true);
        return await db.SaveEditAsync(task, expectedStamp, errors, () =>
        {
            db.Add(new TaskProgress
            {
                TaskId = task.Id,
                On = VietnamTime.Today(time),
                Note = reason ?? string.Empty,
                Kind = request.Accept ? ProgressKind.Accepted : ProgressKind.Returned,
                RecordedBy = caller.Name,
            });
            if (request.Accept)
            {
                (task.Status, task.DoneOn, task.ClosedBy) = (FollowUpStatus.Done, task.ReportedDoneOn, caller.Name);
            }
            else
            {
                task.Status = FollowUpStatus.InProgress;
            }

            task.ReportedDoneOn = null;
        }, cancellationToken);
    }
}
