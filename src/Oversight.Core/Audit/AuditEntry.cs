namespace Oversight.Audit;

/// <summary>
/// One append-only record of a change. Entries form a hash chain: each carries the hash of the one before,
/// so a changed, removed or inserted entry breaks the chain and <see cref="AuditVerifier"/> reports it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public required string Action { get; init; }

    public required string EntityType { get; init; }

    public required string EntityId { get; init; }

    /// <summary>The unit the change concerns, for the unit's history page.</summary>
    public Guid? UnitId { get; init; }

    /// <summary>JSON of the changed values before the change; null for a create.</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the changed values after the change; null for a delete.</summary>
    public string? After { get; init; }

    public required string PreviousHash { get; init; }

    public required string Hash { get; init; }
}
