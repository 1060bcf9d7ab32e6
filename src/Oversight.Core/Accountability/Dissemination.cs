using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Accountability;

/// <summary>A conference or meeting that disseminated one or more directives to the units taking part.</summary>
public sealed class DisseminationEvent : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => OrganiserUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public Guid OrganiserUnitId { get; set; }

    public DateOnly HeldOn { get; set; }

    public bool Online { get; set; }

    public required string Title { get; set; }

    public List<DisseminationDirective> Directives { get; } = [];

    /// <summary>Per unit taking part: how many were invited and how many attended.</summary>
    public List<DisseminationAttendance> Attendance { get; } = [];
}

public sealed class DisseminationDirective
{
    public Guid EventId { get; init; }

    public Guid DirectiveId { get; init; }
}

public sealed class DisseminationAttendance
{
    public Guid EventId { get; init; }

    public Guid UnitId { get; init; }

    public int Invited { get; set; }

    public int Attended { get; set; }
}

/// <summary>
/// A unit's study and dissemination of a directive: one per unit that must do it, completed on a day (null while
/// not done), with the cadres and Party members it reached.
/// </summary>
public sealed class DisseminationCompletion : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid DirectiveId { get; init; }

    public Guid UnitId { get; init; }

    public DateOnly? CompletedOn { get; set; }

    public int MembersReached { get; set; }

    /// <summary>Whether a study completed on <paramref name="completedOn"/> was done by <paramref name="day"/> and by the directive's deadline.</summary>
    public static bool OnTime(DateOnly? completedOn, DateOnly? dueOn, DateOnly day) =>
        completedOn <= day && (dueOn is not { } due || completedOn <= due);
}
