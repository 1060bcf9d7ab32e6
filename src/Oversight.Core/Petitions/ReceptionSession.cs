using Oversight.Data;

namespace Oversight.Petitions;

/// <summary>Who received citizens: the law sets how often each leader must.</summary>
public enum HostRole
{
    /// <summary>Bí thư cấp ủy.</summary>
    PartySecretary,

    /// <summary>Chủ tịch Ủy ban nhân dân.</summary>
    CommitteeChairman,

    /// <summary>Another leader (deputy secretary, vice chairman …).</summary>
    OtherLeader,

    /// <summary>A citizen-reception officer (regular reception).</summary>
    Officer,
}

public enum SessionKind
{
    Regular,
    AdHoc,
}

/// <summary>A day on which a host received citizens (tiếp công dân): visits, people and the cases brought.</summary>
public sealed class ReceptionSession : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public Guid UnitId { get; set; }

    public DateOnly HeldOn { get; set; }

    /// <summary>The host, when a person record exists.</summary>
    public Guid? HostPersonId { get; set; }

    /// <summary>The host's name as written in the register.</summary>
    public required string HostName { get; set; }

    public HostRole HostRole { get; set; }

    public SessionKind Kind { get; set; }

    /// <summary>Visits (lượt): a group that comes together is one visit.</summary>
    public int Visits { get; set; }

    public int People { get; set; }

    public string? Note { get; set; }
}

/// <summary>The level of government holding a dialogue meeting.</summary>
public enum DialogueLevel
{
    Province,
    District,
    Commune,
}

/// <summary>A dialogue meeting (đối thoại) between leaders and citizens, on a topic or on cases.</summary>
public sealed class DialogueMeeting : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public Guid UnitId { get; set; }

    public DialogueLevel Level { get; set; }

    public DateOnly HeldOn { get; set; }

    public required string Topic { get; set; }

    public int Participants { get; set; }

    /// <summary>Who took part, as written (leaders, bodies, citizens).</summary>
    public string? ParticipantNote { get; set; }

    public string? Outcome { get; set; }

    public List<DialogueMeetingCase> Cases { get; } = [];
}

/// <summary>A case discussed at a dialogue meeting.</summary>
public sealed class DialogueMeetingCase
{
    public Guid MeetingId { get; init; }

    public Guid CaseId { get; init; }
}
