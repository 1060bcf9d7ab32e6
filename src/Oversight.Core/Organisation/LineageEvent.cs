namespace Oversight.Organisation;

public enum LineageKind
{
    Merge,
    Split,
    Rename,
    Move,
}

/// <summary>
/// A change in the structure on a date, with its legal basis: units merged, split (fully or partly),
/// renamed or moved to another parent. Its links say which units came from which.
/// </summary>
public sealed class LineageEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public LineageKind Kind { get; set; }

    /// <summary>First day of the new structure.</summary>
    public DateOnly Date { get; set; }

    public string? LegalBasis { get; set; }

    /// <summary>Where the event came from: a reference release, a curated list, an import file, a person.</summary>
    public string? Source { get; set; }

    public string? Note { get; set; }

    public List<LineageLink> Links { get; } = [];
}

/// <summary>One predecessor → successor link of a lineage event.</summary>
/// <remarks>
/// A rename or a move keeps the unit's identity: its link has the same unit on both ends.
/// <see cref="Partial"/> means only part of the predecessor went to the successor (its records cannot be
/// assigned to one successor). <see cref="Uncertain"/> means the sources do not settle the link; an
/// administrator should confirm or remove it.
/// </remarks>
public sealed class LineageLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid EventId { get; init; }

    public Guid PredecessorId { get; init; }

    public Guid SuccessorId { get; init; }

    public bool Partial { get; set; }

    public bool Uncertain { get; set; }
}
