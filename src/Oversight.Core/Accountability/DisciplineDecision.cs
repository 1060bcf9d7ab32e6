using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Accountability;

/// <summary>The body that decides a disciplinary measure.</summary>
public enum DecidingBody
{
    /// <summary>Ban Thường vụ (a Party committee's Standing Committee).</summary>
    StandingCommittee,

    /// <summary>Ủy ban Kiểm tra.</summary>
    InspectionCommittee,

    /// <summary>Chi bộ.</summary>
    PartyCell,

    /// <summary>A state agency (administrative discipline).</summary>
    StateAgency,
}

public enum DisciplineSubject
{
    Member,
    ProbationaryMember,
    Organisation,
}

/// <summary>Forms of discipline; which apply to which subject is rule-pack data.</summary>
public enum DisciplineForm
{
    Reprimand,
    Warning,
    RemovalFromPost,
    Expulsion,
    Dissolution,
}

/// <summary>A disciplinary decision on a Party member or organisation, with the manifestations its violation showed.</summary>
public sealed class DisciplineDecision : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => DecidingUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The decision's number, unique: <c>125-QĐ/UBKTHU</c>.</summary>
    public required string DecisionNumber { get; init; }

    public DateOnly DecidedOn { get; set; }

    public DecidingBody Body { get; set; }

    /// <summary>The deciding body as a unit of the registry (277-HU-UBKT).</summary>
    public Guid DecidingUnitId { get; set; }

    public DisciplineSubject Subject { get; set; }

    public Guid? SubjectPersonId { get; set; }

    /// <summary>The organisation disciplined, or the member's Party branch.</summary>
    public Guid? SubjectUnitId { get; set; }

    public DisciplineForm Form { get; set; }

    public DateOnly ViolationOn { get; set; }

    public string? Summary { get; set; }

    public Guid? SourceInspectionId { get; set; }

    public List<DecisionManifestation> Manifestations { get; } = [];
}

public sealed class DecisionManifestation
{
    public Guid DecisionId { get; init; }

    public Guid ManifestationId { get; init; }
}
