namespace Oversight.Data;

/// <summary>
/// A record people edit. Its concurrency stamp changes with every save, so an edit made on a copy read before someone
/// else's save is refused instead of silently overwriting that save.
/// </summary>
/// <remarks>
/// The model makes the stamp a concurrency token kept out of the audit trail, and a save that changes the record gives
/// it a new one (<see cref="OversightDbContext"/>). An edit names the stamp its form was read with and is saved
/// through <see cref="RecordEdits"/>.
/// </remarks>
public interface IStamped
{
    Guid ConcurrencyStamp { get; set; }
}
