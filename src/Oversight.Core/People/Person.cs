using Oversight.Data;

namespace Oversight.People;

public enum Gender
{
    Unspecified,
    Male,
    Female,
}

/// <summary>A person: an official, a Party member, a leader.</summary>
public sealed class Person : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The person's own identifier in the organisation (staff or member code); the key imports match on.</summary>
    public required string Code { get; init; }

    public required string FullName { get; set; }

    public string SearchName { get; set; } = string.Empty;

    public Gender Gender { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>The person's e-mail address; an account linked to the person without an address of its own receives its digests here.</summary>
    public string? Email { get; set; }

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<PartyMembership> Memberships { get; } = [];

    public List<PositionHeld> Positions { get; } = [];
}

/// <summary>Membership of the Party through a Party branch, over a period.</summary>
public sealed class PartyMembership
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    /// <summary>Date of admission to the Party.</summary>
    public DateOnly Joined { get; set; }

    /// <summary>Date the probationary member became an official member; null while probationary.</summary>
    public DateOnly? OfficialFrom { get; set; }

    /// <summary>The Party branch the member belongs to.</summary>
    public Guid BranchId { get; set; }

    /// <summary>First day in this branch.</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day in this branch; null while a member there.</summary>
    public DateOnly? To { get; set; }
}

/// <summary>Sensitive fields whose officials must change post periodically (Decree 59/2019/NĐ-CP).</summary>
public enum SensitiveField
{
    None,
    Land,
    Construction,
    Finance,
    Investment,
    Personnel,
    Inspection,
    Education,
    Health,
}

/// <summary>A post a person held in a unit over a period.</summary>
public sealed class PositionHeld
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid PersonId { get; init; }

    public Guid UnitId { get; set; }

    public required string Title { get; set; }

    /// <summary>A leading or managerial post (cán bộ lãnh đạo, quản lý).</summary>
    public bool IsLeadership { get; set; }

    public SensitiveField SensitiveField { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}
