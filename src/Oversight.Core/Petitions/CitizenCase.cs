using Oversight.Data;

namespace Oversight.Petitions;

/// <summary>What a citizen brings: the law that governs its handling depends on it.</summary>
public enum CaseKind
{
    /// <summary>Khiếu nại lần đầu (Law on Complaints 2011).</summary>
    Complaint,

    /// <summary>Khiếu nại lần hai.</summary>
    SecondComplaint,

    /// <summary>Tố cáo (Law on Denunciations 2018): the denouncer's identity is confidential.</summary>
    Denunciation,

    /// <summary>Kiến nghị, phản ánh.</summary>
    Petition,
}

/// <summary>How the case reached the handling unit.</summary>
public enum CaseChannel
{
    ReceptionSession,
    Mail,
    PublicWeb,
    App,
    ForwardedIn,
}

/// <summary>Where a case stands. Resolved, withdrawn, forwarded and rejected close it.</summary>
public enum CaseStatus
{
    Received,
    Accepted,
    UnderConsideration,
    Resolved,
    Withdrawn,
    Forwarded,
    Rejected,
}

/// <summary>
/// A citizen's complaint, denunciation, petition or feedback, from receipt to its outcome, with the legal
/// deadlines computed from the rule pack in force when each clock started.
/// </summary>
/// <remarks>
/// Change it only through <see cref="CaseWorkflow"/>, which allows only lawful transitions. A denouncer's
/// identity is kept only in <see cref="ProtectedIdentity"/> (encrypted with ASP.NET Data Protection); the plain
/// petitioner fields stay empty for denunciations.
/// </remarks>
public sealed class CitizenCase : IStamped
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The register number, unique; imports match on it.</summary>
    public required string Reference { get; init; }

    public CaseKind Kind { get; set; }

    public CaseChannel Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>The unit that handles the case; scope checks use it.</summary>
    public Guid UnitId { get; set; }

    public required string Subject { get; set; }

    public required string Content { get; set; }

    /// <summary>Subject, reference and (never for a denunciation) the petitioner's name, without diacritics.</summary>
    public string SearchText { get; set; } = string.Empty;

    public string? PetitionerName { get; set; }

    public string? PetitionerAddress { get; set; }

    public string? PetitionerPhone { get; set; }

    /// <summary>How many people bring the case together (1 for one person).</summary>
    public int PetitionerCount { get; set; } = 1;

    /// <summary>The denouncer's identity, encrypted; null for other kinds.</summary>
    public string? ProtectedIdentity { get; set; }

    /// <summary>The reception session at which the case was brought, if any.</summary>
    public Guid? ReceptionSessionId { get; set; }

    /// <summary>Whether the case falls within the handling unit's jurisdiction; null until decided.</summary>
    public bool? WithinJurisdiction { get; set; }

    /// <summary>The body the case was forwarded to, when not within jurisdiction.</summary>
    public string? ForwardedTo { get; set; }

    /// <summary>Guidance given to the petitioner when the case was forwarded or rejected.</summary>
    public string? Guidance { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    /// <summary>The account handling the case.</summary>
    public string? AssigneeUserId { get; set; }

    public bool Complex { get; set; }

    public bool RemoteArea { get; set; }

    /// <summary>Last day to accept (or decline) the case, counted from receipt.</summary>
    public DateOnly? AcceptanceDueOn { get; set; }

    /// <summary>Last day to resolve the case, counted from acceptance, extensions included.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The rules that gave the deadlines, with their citations, as they read when applied.</summary>
    public string? DeadlineBasis { get; set; }

    public CaseStatus Status { get; set; } = CaseStatus.Received;

    /// <summary>The day the case was resolved, withdrawn, forwarded or rejected.</summary>
    public DateOnly? ClosedOn { get; set; }

    public string? Outcome { get; set; }

    /// <summary>An earlier case the same petitioner brought on the same matter: this one makes it protracted.</summary>
    public Guid? RepeatOfCaseId { get; set; }

    /// <summary>The code a citizen follows the case with on the public status page.</summary>
    public string? TrackingCode { get; set; }

    /// <summary>Changes on every step (<see cref="IStamped"/>); two officers acting on the same case cannot overwrite each other.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CaseExtension> Extensions { get; } = [];

    public List<CaseStep> Steps { get; } = [];

    public bool IsOpen => Status is CaseStatus.Received or CaseStatus.Accepted or CaseStatus.UnderConsideration;

    /// <summary>
    /// The deadline that runs now: acceptance before the case is accepted, resolution after; null once closed.
    /// Stored, and kept by every save, so that the overdue and due-soon lists read one indexed column.
    /// </summary>
    public DateOnly? CurrentDueOn { get; private set; }

    /// <summary>Updates what is kept derived from the other values (<see cref="SearchText"/>, <see cref="CurrentDueOn"/>): every save, and an import's bulk path, call it.</summary>
    internal void UpdateDerived()
    {
        SearchText = CaseSearch.TextOf(this);
        CurrentDueOn = !IsOpen ? null : Status == CaseStatus.Received ? AcceptanceDueOn : DueOn;
    }
}

/// <summary>An extension of the time limit, by decision.</summary>
public sealed class CaseExtension
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public DateOnly GrantedOn { get; init; }

    /// <summary>Days added, counted as the resolution limit counts them.</summary>
    public int Days { get; init; }

    public required string Reason { get; init; }

    /// <summary>Number of the decision that granted it.</summary>
    public string? Decision { get; init; }
}

/// <summary>What was done on a case, for its timeline.</summary>
public enum CaseAction
{
    Received,
    Accepted,
    Assigned,
    Extended,
    Forwarded,
    Rejected,
    Withdrawn,
    Resolved,
    Noted,
    Answered,

    /// <summary>Files were kept with the case (the scanned letter, the reply sent).</summary>
    Attached,
}

/// <summary>One step of a case's timeline. Public steps (answers to the citizen) show on the status page.</summary>
public sealed class CaseStep
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    /// <summary>The day the step took effect (may be earlier than when it was recorded).</summary>
    public DateOnly On { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string Actor { get; init; }

    public CaseAction Action { get; init; }

    public string? Note { get; init; }

    public bool IsPublic { get; init; }
}
