using Oversight.Audit;
using Oversight.Data;

namespace Oversight.Documents;

/// <summary>The documents of an inspection's cycle.</summary>
public enum DocumentKind
{
    /// <summary>The inspected unit's own report to the delegation (Báo cáo tự kiểm tra), whose figures become its claims.</summary>
    SelfAssessment,

    /// <summary>The delegation's report of what it found (Báo cáo kết quả kiểm tra), signed by the head of the delegation.</summary>
    DelegationReport,

    /// <summary>The deciding body's notice of its conclusion (Thông báo kết luận), whose requests become follow-up tasks.</summary>
    ConclusionNotice,
}

/// <summary>Where a document is on its way to being issued.</summary>
public enum DocumentStatus
{
    /// <summary>Being written; every save is a version.</summary>
    Draft,

    /// <summary>Submitted for review: to the head of the delegation, or for a self-assessment to a leader of the unit.</summary>
    Submitted,

    /// <summary>Approved by the one who reviews it; ready to be issued.</summary>
    Approved,

    /// <summary>Numbered, dated and sent; it never changes again, and a correction is a new version with its reason.</summary>
    Issued,
}

/// <summary>
/// A document of an inspection, written in Oversight: its figures locked when taken (<see cref="DocumentFigures"/>), what
/// is written for it kept as versions (<see cref="DocumentVersion"/>), its steps from draft to issued
/// (<see cref="DocumentStep"/>), and the number and date it was issued with.
/// </summary>
public sealed class InspectionDocument : IUnitRecord, IStamped
{
    Guid? IUnitRecord.RecordUnitId => UnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Changes on every save that changes the record (<see cref="IStamped"/>).</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public Guid InspectionId { get; init; }

    public DocumentKind Kind { get; init; }

    /// <summary>The unit inspected: the document's figures are its subtree's, and both sides of the inspection see it.</summary>
    public Guid UnitId { get; init; }

    /// <summary>The body that issues it and numbers it: the one that set up the inspection, or for a self-assessment the body inspected.</summary>
    public Guid IssuerUnitId { get; init; }

    /// <summary>The period the figures are counted over.</summary>
    public DateOnly From { get; init; }

    public DateOnly To { get; init; }

    public DocumentStatus Status { get; set; }

    /// <summary>The account that started it.</summary>
    public required string Author { get; init; }

    /// <summary>The number it was issued with, the next of its kind and issuer in the year; none until issued.</summary>
    public int? Number { get; set; }

    public DateOnly? IssuedOn { get; set; }

    /// <summary>The year of <see cref="IssuedOn"/>, in which the issuer's numbers of the kind run (kept to make them unique).</summary>
    public int? IssuedYear { get; set; }
}

/// <summary>
/// A save of what is written for a document: the narrative of each section and the requests (<see cref="DocumentText"/>
/// as JSON), with the figures it was written against. Never changed once saved.
/// </summary>
public sealed class DocumentVersion : IUnitRecord
{
    Guid? IUnitRecord.RecordUnitId => UnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; init; }

    /// <summary>The document's unit, so that the version's audit entry is seen where the document is.</summary>
    public Guid UnitId { get; init; }

    /// <summary>1 for the first save, then one more for each.</summary>
    public int Sequence { get; init; }

    public Guid FiguresId { get; init; }

    /// <summary>The text, as <see cref="DocumentText"/> in JSON.</summary>
    public required string Text { get; init; }

    /// <summary>Why an issued document was corrected; none for the saves of a draft.</summary>
    public string? Reason { get; init; }

    public DateTimeOffset SavedAt { get; init; }

    public required string SavedBy { get; init; }
}

/// <summary>
/// The figures of a document as taken from the records at one moment: the body's sentences and tables and the annex, in
/// Vietnamese and in English (<see cref="Reports.ReportBlock"/>s as JSON). Versions written against them show the same
/// figures whenever they are opened; taking them again makes a new version.
/// </summary>
public sealed class DocumentFigures
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    public required string Vietnamese { get; init; }

    public required string English { get; init; }
}

/// <summary>What was done to a document, by whom and when: created, saved, submitted, returned, approved, issued, corrected.</summary>
public sealed class DocumentStep : IUnitRecord
{
    Guid? IUnitRecord.RecordUnitId => UnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; init; }

    public Guid UnitId { get; init; }

    public DocumentAction Action { get; init; }

    /// <summary>The version the step was taken on.</summary>
    public int Version { get; init; }

    /// <summary>The reason given (a return, a correction); none for the other steps.</summary>
    public string? Note { get; init; }

    public DateTimeOffset At { get; init; }

    public required string By { get; init; }
}

public enum DocumentAction
{
    Created,
    Saved,
    FiguresTaken,
    Submitted,
    Returned,
    Approved,
    Issued,
    Corrected,
}
