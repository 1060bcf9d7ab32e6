namespace Oversight.Audit;

/// <summary>
/// A record that belongs to a unit under a name of its own (the deciding body, the owner, the organiser), so that its
/// audit entries carry that unit. Records with a <c>UnitId</c> property need not say so.
/// </summary>
public interface IUnitRecord
{
    Guid? RecordUnitId { get; }
}
