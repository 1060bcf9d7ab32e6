using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Accountability;

/// <summary>
/// A directive (chỉ thị) of a Party committee, such as 24-CT/TU of the Hanoi Party Committee's Standing Committee:
/// its tasks, the directives it is applied with, and the appendix of manifestations (biểu hiện) that findings and
/// discipline decisions cite.
/// </summary>
public sealed class Directive : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => IssuingUnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>Number and symbol as written, unique: <c>24-CT/TU</c>.</summary>
    public required string Symbol { get; init; }

    /// <summary>The issuing body, when it is a unit of the registry.</summary>
    public Guid? IssuingUnitId { get; set; }

    /// <summary>The issuing body as the directive names it.</summary>
    public required string IssuingBody { get; set; }

    public DateOnly IssuedOn { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    /// <summary>The day by which the units must have studied and disseminated it.</summary>
    public DateOnly? DisseminationDueOn { get; set; }

    /// <summary>
    /// The manifestations are an illustrative catalogue (the demo's), not the directive's real appendix text. Entering
    /// or importing an entry of the appendix (<see cref="AccountabilityRecords.RecordManifestationAsync"/>, import
    /// <c>manifestations</c>) marks the catalogue real.
    /// </summary>
    public bool CatalogueIsIllustrative { get; set; }

    public List<DirectiveTask> Tasks { get; } = [];

    public List<Manifestation> Manifestations { get; } = [];

    /// <summary>The directives this one is applied together with (39-CT/HU with 24-CT/TU), recorded on both.</summary>
    public List<DirectiveLink> AppliedWith { get; } = [];
}

/// <summary>A task a directive sets, in its order.</summary>
public sealed class DirectiveTask : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid DirectiveId { get; init; }

    public int Number { get; set; }

    public required string Text { get; set; }

    public DateOnly? DueOn { get; set; }
}

/// <summary>
/// An entry of a directive's appendix of manifestations: a group (code <c>1</c>) or an item of it (code <c>1.2</c>).
/// </summary>
public sealed class Manifestation : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid DirectiveId { get; init; }

    public required string Code { get; init; }

    public required string Text { get; set; }

    public bool IsGroup => !Code.Contains('.');
}

/// <summary>Two directives applied together.</summary>
public sealed class DirectiveLink
{
    public Guid DirectiveId { get; init; }

    public Guid OtherDirectiveId { get; init; }
}
