namespace Oversight.Petitions;

/// <summary>The documents a unit sends the citizen about a case, in the forms of the rules on petition handling.</summary>
public enum NoticeKind
{
    /// <summary>Thông báo thụ lý: the case is accepted for resolution, and by when it is to be resolved.</summary>
    Acceptance,

    /// <summary>Phiếu hẹn: the day the citizen is to come back (for the result, or to bring what is missing).</summary>
    AppointmentSlip,

    /// <summary>Phiếu chuyển đơn: the case is not the unit's to resolve and was sent to the body whose it is.</summary>
    Forwarding,

    /// <summary>Thông báo không thụ lý: the case is not accepted, with the reason and its legal ground.</summary>
    Refusal,

    /// <summary>Quyết định giải quyết khiếu nại: the decision that resolves a complaint.</summary>
    ResolutionDecision,
}

/// <summary>
/// A notice sent to the citizen about a case, kept with it: numbered by the unit handling the case (the next of its
/// symbol in the year), dated, with what the official wrote for it. The citizen's name and address are the case's.
/// Issued through <see cref="CaseNotices"/>, never changed afterwards.
/// </summary>
public sealed class CaseNotice
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CaseId { get; init; }

    public NoticeKind Kind { get; init; }

    /// <summary>The unit that issued it: the one handling the case; its audit entries carry it.</summary>
    public Guid UnitId { get; init; }

    /// <summary>The abbreviation of the document's kind in its number ("TB", "QĐ"), as the form gave it when issued.</summary>
    public required string Symbol { get; init; }

    /// <summary>The next number of its symbol and issuer in the year.</summary>
    public int Number { get; init; }

    public DateOnly IssuedOn { get; init; }

    /// <summary>The year of <see cref="IssuedOn"/>, in which the issuer's numbers of the symbol run (kept to make them unique).</summary>
    public int IssuedYear { get; init; }

    /// <summary>The account that issued it.</summary>
    public required string IssuedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    /// <summary>
    /// The signer's title as printed above the signature ("CHỦ TỊCH"; "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", two lines, when
    /// signing for another); none for the form's usual one, in the notice's language.
    /// </summary>
    public string? SignerTitle { get; init; }

    public required string SignerName { get; init; }

    /// <summary>The body the case was forwarded to (a forwarding).</summary>
    public string? Recipient { get; init; }

    /// <summary>
    /// What the official wrote: the reason for a refusal, the decision's content, what the citizen is to bring or hear
    /// at an appointment.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>The provisions the notice rests on (a refusal's ground; a decision's).</summary>
    public string? LegalGround { get; init; }

    /// <summary>The day the citizen is to come (an appointment slip).</summary>
    public DateOnly? AppointmentOn { get; init; }
}
