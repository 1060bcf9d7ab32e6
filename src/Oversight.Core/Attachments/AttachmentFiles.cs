using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Attachments;

/// <summary>An upload that passed the checks, with the type found in its bytes.</summary>
public sealed record CheckedUpload(Upload Upload, string FileName, string ContentType);

/// <summary>
/// Keeps the files of records: checks uploads (how many, how large, what kind), stores them with the record in one
/// step, and gives them back only to callers whose scope reaches the record's unit.
/// </summary>
public sealed class AttachmentFiles(OversightDbContext db, IAttachmentStore store, AttachmentSettings settings, CallerScope scope, Caller caller, TimeProvider time)
{
    private const int MaxFileNameLength = 255;
    private const long Megabyte = 1024 * 1024;

    /// <summary>The uploads that may be kept; an error naming <paramref name="field"/> and the file for each that may not.</summary>
    /// <remarks>Each upload's stream must be seekable (a form's files are).</remarks>
    public IReadOnlyList<CheckedUpload> Check(IReadOnlyList<Upload> uploads, string field, List<FieldError> errors)
    {
        if (uploads.Count > settings.MaxFiles)
        {
            errors.Add(RecordMessages.TooManyFiles.For(field, uploads.Count, settings.MaxFiles));
            return [];
        }

        var accepted = new List<CheckedUpload>();
        foreach (var upload in uploads)
        {
            var name = FileNameOf(upload.FileName);
            if (upload.Length == 0)
            {
                errors.Add(RecordMessages.FileEmpty.For(field, name));
            }
            else if (upload.Length > settings.MaxBytes)
            {
                errors.Add(RecordMessages.FileTooLarge.For(field, name, Megabytes(upload.Length), Megabytes(settings.MaxBytes)));
            }
            else
            {
                using var content = upload.Open();
                if (AttachmentTypes.Detect(name, content) is { } contentType)
                {
                    accepted.Add(new CheckedUpload(upload, name, contentType));
                }
                else
                {
                    errors.Add(RecordMessages.FileNotAccepted.For(field, name, AttachmentTypes.Accepted));
                }
            }
        }

        return accepted;
    }

    /// <summary>
    /// Stores the files for a record and saves the context's changes with their rows, audited together: either the
    /// record and its files are kept, or neither (bytes already stored are removed when saving fails).
    /// </summary>
    public async Task SaveWithAsync(IReadOnlyList<CheckedUpload> files, string recordType, Guid recordId, Guid unitId, CancellationToken cancellationToken)
    {
        var stored = new List<Guid>();
        try
        {
            foreach (var file in files)
            {
                var attachment = new Attachment
                {
                    RecordType = recordType,
                    RecordId = recordId,
                    UnitId = unitId,
                    FileName = file.FileName,
                    ContentType = file.ContentType,
                    Length = file.Upload.Length,
                    Sha256 = await HashAsync(file.Upload, cancellationToken),
                    UploadedAt = time.GetUtcNow(),
                    UploadedBy = caller.Name,
                };
                await using (var content = file.Upload.Open())
                {
                    stored.Add(attachment.Id);
                    await store.WriteAsync(attachment.Id, content, cancellationToken);
                }

                db.Attachments.Add(attachment);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            foreach (var id in stored)
            {
                await store.DeleteAsync(id, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>The files of records, by record id, as far as the caller's scope reaches.</summary>
    public async Task<ILookup<Guid, Attachment>> OfAsync(string recordType, IReadOnlyCollection<Guid> recordIds, CancellationToken cancellationToken)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.RecordType == recordType && recordIds.Contains(a.RecordId))
            .ToListAsync(cancellationToken);

        // Ordered here: SQLite cannot order by a DateTimeOffset.
        return attachments.Where(a => filter.Contains(a.UnitId)).OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName, StringComparer.Ordinal).ToLookup(a => a.RecordId);
    }

    /// <summary>
    /// An attachment of a kind of record (of one of <paramref name="records"/> when given) and its bytes; null when it
    /// does not exist for the caller (another kind or record, outside their scope, or gone from the store). Records
    /// with rules of their own (a case's files) are served by their own pages, which name them.
    /// </summary>
    public async Task<(Attachment Attachment, Stream Content)?> OpenAsync(Guid id, string recordType, IReadOnlyCollection<Guid>? records, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.RecordType == recordType, cancellationToken);
        if (attachment is null || records?.Contains(attachment.RecordId) == false || !(await scope.FilterAsync(cancellationToken)).Contains(attachment.UnitId))
        {
            return null;
        }

        return await store.OpenReadAsync(id, cancellationToken) is { } content ? (attachment, content) : null;
    }

    /// <summary>The name without any folder a browser may send, NFC, without control characters, at most 255 characters.</summary>
    private static string FileNameOf(string uploaded)
    {
        var name = new string(Path.GetFileName(uploaded.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray());
        name = VietnameseText.Normalize(name) ?? string.Empty;
        return name.Length <= MaxFileNameLength ? name : name[..(MaxFileNameLength - Path.GetExtension(name).Length)] + Path.GetExtension(name);
    }

    private static long Megabytes(long bytes) => (bytes + Megabyte - 1) / Megabyte;

    private static async Task<string> HashAsync(Upload upload, CancellationToken cancellationToken)
    {
        await using var content = upload.Open();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
    }
}
