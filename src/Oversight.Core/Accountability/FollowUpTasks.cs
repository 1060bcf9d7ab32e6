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
/// <param name="Done">Whether this update finishes the task: it is closed, by the caller, on <paramref name="On"/>.</param>
/// <param name="Evidence">Files showing the progress (minutes, decisions, photographs).</param>
public sealed record ProgressRequest(string? On, string? Note, int? PercentComplete, bool Done, IReadOnlyList<Upload> Evidence);

/// <summary>One progress update with the files that show it.</summary>
public sealed record ProgressEntry(TaskProgress Progress, IReadOnlyList<Attachment> Evidence);

/// <summary>A follow-up task on its page: the inspection that set it, its owner, whether it is overdue today, and its progress, oldest first.</summary>
public sealed record FollowUpTaskView(FollowUpTask Task, Inspection Inspection, string Owner, bool Overdue, IReadOnlyList<ProgressEntry> Progress);

/// <summary>
/// The tasks an inspection's conclusion set, followed until done: read and updated by callers whose scope reaches
/// the task's owner unit. Each update is saved with its evidence in one step, audited.
/// </summary>
public sealed class FollowUpTasks(OversightDbContext db, CallerScope scope, Caller caller, AttachmentFiles attachments, TimeProvider time)
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
        var progress = task.Progress.OrderBy(p => p.On).ThenBy(p => p.Id).ToList();
        var evidence = await attachments.OfAsync(nameof(TaskProgress), progress.Select(p => p.Id).ToList(), cancellationToken);
        return new FollowUpTaskView(
            task,
            inspection,
            graph.NameOn(task.OwnerUnitId, task.DueOn),
            FollowUpTask.IsOverdue(task.DueOn, task.DoneOn, VietnamTime.Today(time)),
            progress.Select(p => new ProgressEntry(p, evidence[p.Id].ToList())).ToList());
    }

    /// <summary>
    /// Records progress on a task the caller may see, with its evidence: the task is in progress after it, or done
    /// (closed by the caller) when the update says so. A done task takes no more updates; an update from a page read
    /// before another was recorded is refused (<see cref="RecordEdits"/>).
    /// </summary>
    public async Task<RecordResult<FollowUpTask>> RecordProgressAsync(Guid id, ProgressRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null || !(await scope.FilterAsync(cancellationToken)).Contains(task.OwnerUnitId))
        {
            return new RecordResult<FollowUpTask>(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        if (task.DoneOn is { } doneOn)
        {
            db.Entry(task).State = EntityState.Detached;
            return new RecordResult<FollowUpTask>(null, [RecordMessages.TaskDone.For(string.Empty, doneOn)]);
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
                RecordedBy = caller.Name,
            };
            db.Add(progress);
            task.Status = request.Done ? FollowUpStatus.Done : FollowUpStatus.InProgress;
            if (request.Done)
            {
                task.DoneOn = progress.On;
                task.ClosedBy = caller.Name;
            }
        }, cancellationToken, token => attachments.SaveWithAsync(files, nameof(TaskProgress), progress!.Id, task.OwnerUnitId, token));
    }
}
