using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Accountability;

public enum MoveKind
{
    /// <summary>Luân chuyển.</summary>
    Rotation,

    /// <summary>Điều động.</summary>
    Transfer,

    /// <summary>Chuyển đổi vị trí công tác định kỳ.</summary>
    PeriodicChange,
}

public enum MoveReason
{
    /// <summary>Under a named directive (<see cref="PersonnelMove.DirectiveId"/>).</summary>
    UnderDirective,

    /// <summary>Periodic change of post under the anti-corruption rules (Decree 59/2019/NĐ-CP).</summary>
    PeriodicAntiCorruption,

    Planning,

    Other,
}

/// <summary>The kind of post moved from, as the figures count it.</summary>
public enum PostKind
{
    LeadingManagerial,
    CommuneViceChairman,
    LandConstruction,
    SchoolManager,
    Other,
}

/// <summary>A rotation, transfer or periodic change of post of one person, by a decision.</summary>
public sealed class PersonnelMove : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => FromUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public Guid PersonId { get; set; }

    public MoveKind Kind { get; set; }

    public PostKind PostKind { get; set; }

    public Guid FromUnitId { get; set; }

    public required string FromTitle { get; set; }

    public Guid ToUnitId { get; set; }

    public required string ToTitle { get; set; }

    public DateOnly EffectiveOn { get; set; }

    public MoveReason Reason { get; set; }

    public Guid? DirectiveId { get; set; }

    /// <summary>The body that decided it.</summary>
    public Guid DecidingUnitId { get; set; }

    public string? DecisionNumber { get; set; }
}
