using Oversight.Audit;

namespace Oversight.Attachments;

/// <summary>
/// A file kept with a record: a decision, minutes, evidence of a task's progress. The bytes live in an
/// <see cref="IAttachmentStore"/>, outside the web root; this row says what they are and whose they are.
/// </summary>
public sealed class Attachment : IUnitRecord
{
    Guid? IUnitRecord.RecordUnitId => UnitId;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The kind of record the file belongs to, by its entity name (<c>TaskProgress</c>).</summary>
    public required string RecordType { get; init; }

    public Guid RecordId { get; init; }

    /// <summary>The unit whose record it is: only callers whose scope reaches it may read the file.</summary>
    public Guid UnitId { get; init; }

    /// <summary>The name the file was uploaded with, NFC, without any folder.</summary>
    public required string FileName { get; init; }

    /// <summary>The type Oversight found in the file's bytes, never the one the uploader declared.</summary>
    public required string ContentType { get; init; }

    public long Length { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes, so a file can be checked against what was uploaded.</summary>
    public required string Sha256 { get; init; }

    public DateTimeOffset UploadedAt { get; init; }

    public required string UploadedBy { get; init; }
}

/// <summary>A file as it arrives from a form: its name, its length, and a way to read it (more than once).</summary>
public sealed record Upload(string FileName, long Length, Func<Stream> Open);
