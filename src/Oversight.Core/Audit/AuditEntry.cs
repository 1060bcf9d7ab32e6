namespace Oversight.Audit;

/// <summary>
/// One append-only record of a change, written in the transaction of the change. Entries form a hash chain: once
/// committed, <see cref="AuditSealer"/> gives each its place in the chain and the hash of the one before, so a
/// changed, removed or inserted entry breaks the chain and <see cref="AuditVerifier"/> reports it.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The order entries were written in, given by the database; a transaction rolled back leaves a gap.</summary>
    public long Id { get; init; }

    /// <summary>Position in the sealed chain, from 1, without gaps; null until sealed.</summary>
    public long? Sequence { get; set; }

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

    /// <summary>The hash of the entry before in the chain; null until sealed.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>The entry's hash (<see cref="AuditChain.ComputeHash(AuditEntry)"/>); null until sealed.</summary>
    public string? Hash { get; set; }
}
