using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Text;

namespace Oversight.Accountability;

public enum InspectionKind
{
    /// <summary>Kiểm tra thường xuyên, by the year's plan.</summary>
    Regular,

    /// <summary>Kiểm tra chuyên đề, on one subject.</summary>
    Thematic,

    /// <summary>Kiểm tra đột xuất.</summary>
    Surprise,

    /// <summary>Giám sát.</summary>
    Supervision,
}

/// <summary>What an inspection or supervision looks at.</summary>
public enum TargetKind
{
    /// <summary>A unit: a commune, an agency.</summary>
    Unit,

    /// <summary>A Party organisation: a Party committee or branch.</summary>
    PartyOrganisation,

    PartyMember,
}

/// <summary>
/// An inspection or supervision: the decision that set it up, its team, its targets, its findings, and its
/// conclusion with the follow-up tasks the conclusion set.
/// </summary>
public sealed class Inspection : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => DecidingUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public InspectionKind Kind { get; set; }

    /// <summary>The body that decided it (a Standing Committee, an Inspection Committee).</summary>
    public Guid DecidingUnitId { get; set; }

    public string? DecisionNumber { get; set; }

    public DateOnly DecidedOn { get; set; }

    public required string Title { get; set; }

    /// <summary>Register number, decision number and title folded (<see cref="VietnameseText.Fold"/>), kept by every save, for the words search.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Keeps <see cref="SearchText"/>; what it folds is also in <see cref="SearchTextBackfill"/>.</summary>
    internal void UpdateSearchText() => SearchText = VietnameseText.SearchText($"{Reference} {DecisionNumber} {Title}");

    /// <summary>The directive whose implementation it looks at, if any.</summary>
    public Guid? DirectiveId { get; set; }

    public DateOnly? PeriodFrom { get; set; }

    public DateOnly? PeriodTo { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public string? Conclusion { get; set; }

    public List<TeamMember> Team { get; } = [];

    public List<InspectionTarget> Targets { get; } = [];

    public List<Finding> Findings { get; } = [];
}

public sealed class TeamMember
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InspectionId { get; init; }

    public Guid? PersonId { get; set; }

    public required string Name { get; set; }

    /// <summary>The member's post as the decision names it.</summary>
    public string? Role { get; set; }

    public bool IsLead { get; set; }
}

public sealed class InspectionTarget
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid InspectionId { get; init; }

    public TargetKind Kind { get; set; }

    /// <summary>The unit or Party organisation; for a Party member, the member's branch.</summary>
    public Guid? UnitId { get; set; }

    public Guid? PersonId { get; set; }
}

/// <summary>What an inspection found, on one of its targets or on all, with the manifestations it shows.</summary>
public sealed class Finding : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid InspectionId { get; init; }

    public Guid? TargetId { get; set; }

    public required string Text { get; set; }

    public List<FindingManifestation> Manifestations { get; } = [];
}

public sealed class FindingManifestation
{
    public Guid FindingId { get; init; }

    public Guid ManifestationId { get; init; }
}

public enum FollowUpStatus
{
    Open,
    InProgress,

    /// <summary>The unit reported the task done; the inspecting body has yet to accept it or return it.</summary>
    Reported,

    /// <summary>The inspecting body accepted the unit's report: done on the day the unit reported.</summary>
    Done,
}

/// <summary>What an entry of a task's progress is.</summary>
public enum ProgressKind
{
    /// <summary>Progress the unit recorded.</summary>
    Update,

    /// <summary>The unit reported the task done, with its evidence.</summary>
    Reported,

    /// <summary>The inspecting body accepted the report.</summary>
    Accepted,

    /// <summary>The inspecting body returned the report, with its reason.</summary>
    Returned,
}

/// <summary>
/// A task an inspection's conclusion set a unit, followed until done: progress updates with their evidence, the
/// unit's report that it is done, and the inspecting body's acceptance (who closed it). Overdue is not a status: a
/// task not done by its deadline is overdue; one done after it was done late.
/// </summary>
public sealed class FollowUpTask : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => OwnerUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public Guid InspectionId { get; init; }

    public Guid OwnerUnitId { get; set; }

    public required string Description { get; set; }

    /// <summary>Register number and description folded (<see cref="VietnameseText.Fold"/>), kept by every save, for the words search.</summary>
    public string SearchText { get; set; } = string.Empty;

    /// <summary>Keeps <see cref="SearchText"/>; what it folds is also in <see cref="SearchTextBackfill"/>.</summary>
    internal void UpdateSearchText() => SearchText = VietnameseText.SearchText($"{Reference} {Description}");

    public DateOnly DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The day the work was done: the day the unit reported, once the inspecting body accepted the report.</summary>
    public DateOnly? DoneOn { get; set; }

    /// <summary>The day the unit reported the task done, while the inspecting body has yet to accept or return it.</summary>
    public DateOnly? ReportedDoneOn { get; set; }

    /// <summary>Who accepted the unit's report for the inspecting body.</summary>
    public string? ClosedBy { get; set; }

    /// <summary>The conclusion notice that set the task, when it was issued in Oversight (each of its requests is a task).</summary>
    public Guid? NoticeId { get; init; }

    public List<TaskProgress> Progress { get; } = [];

    /// <summary>The one statement of the rule, for queries and for code: past its deadline and not done by the day.</summary>
    private static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, bool>> OverdueRule = (dueOn, doneOn, day) => dueOn < day && !(doneOn <= day);

    private static readonly Func<DateOnly, DateOnly?, DateOnly, bool> Overdue = OverdueRule.Compile();

    /// <summary>Whether a task due on <paramref name="dueOn"/> was overdue on <paramref name="day"/>: past its deadline and not done by then.</summary>
    public static bool IsOverdue(DateOnly dueOn, DateOnly? doneOn, DateOnly day) => Overdue(dueOn, doneOn, day);

    /// <summary>Whether a task due on <paramref name="dueOn"/> and done on <paramref name="doneOn"/> was done after its deadline.</summary>
    public static bool IsLate(DateOnly dueOn, DateOnly? doneOn) => doneOn > dueOn;

    /// <summary>How many days after its deadline a task was done; 0 when on time or not done.</summary>
    public int DaysLate => IsLate(DueOn, DoneOn) ? DoneOn!.Value.DayNumber - DueOn.DayNumber : 0;

    /// <summary><see cref="IsOverdue"/> as a query filter, with the day as a parameter of the query.</summary>
    public static Expression<Func<FollowUpTask, bool>> OverdueOn(DateOnly day)
    {
        var task = Expression.Parameter(typeof(FollowUpTask), "task");
        Expression<Func<DateOnly>> dayParameter = () => day;
        var body = new ReplacingExpressionVisitor(
            OverdueRule.Parameters,
            [Expression.Property(task, nameof(DueOn)), Expression.Property(task, nameof(DoneOn)), dayParameter.Body]).Visit(OverdueRule.Body);
        return Expression.Lambda<Func<FollowUpTask, bool>>(body, task);
    }
}

public sealed class TaskProgress
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TaskId { get; init; }

    public DateOnly On { get; set; }

    public required string Note { get; set; }

    public int? PercentComplete { get; set; }

    public ProgressKind Kind { get; set; }

    public required string RecordedBy { get; set; }
}
