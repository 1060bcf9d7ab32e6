using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Oversight.Attachments;
using Oversight.Data;

namespace Oversight.Backups;

/// <summary>Why a backup or a restore did not happen.</summary>
public sealed record BackupError(string Message);

/// <summary>The outcome of <see cref="DatabaseBackup.TakeAsync"/>: the manifest and the archive's length, or the error.</summary>
public sealed record BackupResult(BackupManifest? Manifest, long ArchiveLength, BackupError? Error);

/// <summary>A table whose row count after a restore is not the backup's (null: the table is missing on that side).</summary>
public sealed record TableDifference(string Table, long? InBackup, long? Restored);

/// <summary>
/// The outcome of <see cref="DatabaseBackup.RestoreAsync"/>: the manifest restored and the tables whose counts differ
/// from it (none when the restore is complete), or the error.
/// </summary>
public sealed record RestoreResult(BackupManifest? Manifest, IReadOnlyList<TableDifference> Differences, BackupError? Error);

/// <summary>
/// Backs up Oversight's database and attachments into one ZIP archive while Oversight runs and writes, and restores
/// such an archive into an empty database. The archive's layout is in <c>Backups/README.md</c>.
/// </summary>
/// <remarks>
/// The installation's key file is never in an archive: it is kept apart from the data on purpose, so that a stolen
/// backup does not reveal the confidential fields in it. An operator backs it up separately.
/// </remarks>
public sealed class DatabaseBackup(OversightDbContext db, DatabaseSettings settings, IAttachmentStore store, PostgresTools postgres, TimeProvider time)
{
    private DatabaseImage CreateImage() => settings.Provider == DatabaseProvider.Sqlite ? new SqliteImage(db) : new PostgresImage(db, settings, postgres);

    /// <summary>
    /// Writes a backup to <paramref name="path"/>, a file that must not exist yet. The archive appears under that name
    /// only once it is complete and on disk.
    /// </summary>
    public async Task<BackupResult> TakeAsync(string path, CancellationToken cancellationToken = default)
    {
        var archive = Path.GetFullPath(path);
        var partial = archive + ".partial";
        var databaseCopy = archive + ".database.partial";
        try
        {
            if (File.Exists(archive))
            {
                throw new BackupException($"{path} already exists; name a new file");
            }

            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken) || !await creator.HasTablesAsync(cancellationToken))
            {
                throw new BackupException("the database does not exist or has no tables: there is nothing to back up");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(archive)!);
            var image = CreateImage();
            var takenAt = time.GetUtcNow();
            var contents = await image.CopyAsync(databaseCopy, cancellationToken);
            BackupManifest manifest;
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                using (var zip = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var files = new List<BackupFile>();
                    await using (var copy = File.OpenRead(databaseCopy))
                    {
                        files.Add(await AddAsync(zip, image.EntryName, copy, image.Compression, takenAt, cancellationToken));
                    }

                    files.AddRange(await AddAttachmentsAsync(zip, contents.Attachments, takenAt, cancellationToken));
                    manifest = new BackupManifest(BackupManifest.CurrentFormat, settings.Provider, contents.SchemaVersion, takenAt, image.EntryName, contents.Tables, files);
                    await using var entry = zip.CreateEntry(BackupManifest.EntryName, CompressionLevel.Optimal).Open();
                    await manifest.WriteAsync(entry, cancellationToken);
                }

                file.Flush(flushToDisk: true);
            }

            File.Move(partial, archive);
            return new BackupResult(manifest, new FileInfo(archive).Length, null);
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException)
        {
            return new BackupResult(null, 0, new BackupError(e.Message));
        }
        finally
        {
            File.Delete(partial);
            File.Delete(databaseCopy);
        }
    }

    /// <summary>
    /// Restores the backup at <paramref name="path"/> into the configured database, which must be empty (a SQLite file
    /// that does not exist or has no tables; a PostgreSQL database with no tables, created when it does not exist), and
    /// its attachments into the attachment store; then compares every table's row count with the manifest's.
    /// </summary>
    /// <remarks>
    /// Every file's checksum is verified before anything is written, so a damaged archive changes nothing. The
    /// attachments are written before the database: should loading the database fail, the store holds only files
    /// that no row refers to, which the next restore overwrites.
    /// </remarks>
    public async Task<RestoreResult> RestoreAsync(string path, CancellationToken cancellationToken = default)
    {
        var work = Directory.CreateTempSubdirectory("oversight-restore-");
        try
        {
            using var zip = OpenArchive(path);
            var manifest = await ReadManifestAsync(zip, path, cancellationToken);
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (await creator.ExistsAsync(cancellationToken) && await creator.HasTablesAsync(cancellationToken))
            {
                throw new BackupException("the database to restore into has tables already; restore only into an empty database (a new SQLite file or a new PostgreSQL database)");
            }

            var databaseCopy = Path.Combine(work.FullName, "database");
            await VerifyAsync(zip, manifest, databaseCopy, cancellationToken);
            foreach (var attachment in manifest.Attachments)
            {
                await using var content = zip.GetEntry(attachment.Path)!.Open();
                await store.WriteAsync(AttachmentId(attachment.Path)!.Value, content, cancellationToken);
            }

            var image = CreateImage();
            await image.LoadAsync(databaseCopy, cancellationToken);
            var restored = await image.CountTablesAsync(cancellationToken);
            var differences = manifest.Tables.Keys.Union(restored.Keys)
                .Order(StringComparer.Ordinal)
                .Select(table => new TableDifference(table, manifest.Tables.TryGetValue(table, out var inBackup) ? inBackup : null, restored.TryGetValue(table, out var count) ? count : null))
                .Where(d => d.InBackup != d.Restored)
                .ToList();
            return new RestoreResult(manifest, differences, null);
        }
        catch (Exception e) when (e is BackupException or IOException or UnauthorizedAccessException)
        {
            return new RestoreResult(null, [], new BackupError(e.Message));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Adds the files of the copy's attachment rows, as they were uploaded.</summary>
    /// <remarks>
    /// The attachments are read after the database was copied, and only those of rows in the copy. That is consistent
    /// with the copy because a file is written to the store before its row is committed (<see cref="AttachmentFiles"/>),
    /// is never changed afterwards, and is removed only when its row was never committed: every row of the copy has its
    /// file, with the bytes it was uploaded with (checked against the row's SHA-256). Files stored since the copy
    /// belong to rows not in it and are left out.
    /// </remarks>
    private async Task<List<BackupFile>> AddAttachmentsAsync(ZipArchive zip, IReadOnlyList<StoredAttachment> attachments, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        var files = new List<BackupFile>();
        foreach (var attachment in attachments)
        {
            await using var content = await store.OpenReadAsync(attachment.Id, cancellationToken)
                ?? throw new BackupException($"attachment {attachment.Id} is missing from the attachment store");

            // Stored as they are: PDF, Office files, JPEG and PNG are compressed already.
            var added = await AddAsync(zip, BackupManifest.AttachmentPath(attachment.Id), content, CompressionLevel.NoCompression, takenAt, cancellationToken);
            if (added.Length != attachment.Length || !string.Equals(added.Sha256, attachment.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new BackupException($"attachment {attachment.Id} in the attachment store is not the file that was uploaded (its SHA-256 differs from the one recorded)");
            }

            files.Add(added);
        }

        return files;
    }

    private static async Task<BackupFile> AddAsync(ZipArchive zip, string name, Stream content, CompressionLevel compression, DateTimeOffset takenAt, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, compression);
        entry.LastWriteTime = takenAt;
        await using var destination = entry.Open();
        var (length, sha256) = await CopyHashedAsync(content, destination, cancellationToken);
        return new BackupFile(name, length, sha256);
    }

    private static ZipArchive OpenArchive(string path)
    {
        if (!File.Exists(path))
        {
            throw new BackupException($"{path} does not exist");
        }

        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            throw new BackupException($"{path} is not a ZIP archive");
        }
    }

    /// <summary>The archive's manifest, when it is a backup this version of Oversight can restore into the configured database.</summary>
    private async Task<BackupManifest> ReadManifestAsync(ZipArchive zip, string path, CancellationToken cancellationToken)
    {
        var entry = zip.GetEntry(BackupManifest.EntryName) ?? throw new BackupException($"{path} is not an Oversight backup: it has no {BackupManifest.EntryName}");
        BackupManifest manifest;
        try
        {
            await using var content = entry.Open();
            manifest = await BackupManifest.ReadAsync(content, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new BackupException($"{BackupManifest.EntryName} in {path} is damaged ({e.Message.TrimEnd('.')})");
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"{path} is a backup of format {manifest.Format}; this version of Oversight restores format {BackupManifest.CurrentFormat}");
        }

        if (manifest.Provider != settings.Provider)
        {
            throw new BackupException($"{path} is a backup of a {manifest.Provider} database; restore it into {manifest.Provider} (--Database:Provider {manifest.Provider})");
        }

        if (!db.Database.GetMigrations().Contains(manifest.SchemaVersion))
        {
            throw new BackupException($"{path} is of a database at schema {manifest.SchemaVersion}, which this version of Oversight does not know; restore it with the version that took it or a newer one");
        }

        return manifest;
    }

    /// <summary>
    /// Checks that the archive holds exactly the manifest's files, each with its length and SHA-256, extracting the
    /// database copy to <paramref name="databaseCopy"/> meanwhile; the first file that differs is named.
    /// </summary>
    private static async Task VerifyAsync(ZipArchive zip, BackupManifest manifest, string databaseCopy, CancellationToken cancellationToken)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        if (!listed.Contains(manifest.Database))
        {
            throw new BackupException($"{BackupManifest.EntryName} lists no database copy {manifest.Database}");
        }

        if (zip.Entries.FirstOrDefault(e => e.FullName != BackupManifest.EntryName && !listed.Contains(e.FullName)) is { } unlisted)
        {
            throw new BackupException($"{unlisted.FullName} is in the archive but not in its manifest");
        }

        foreach (var file in manifest.Files)
        {
            if (file.Path != manifest.Database && AttachmentId(file.Path) is null)
            {
                throw new BackupException($"{file.Path} is not a file of an Oversight backup");
            }

            var entry = zip.GetEntry(file.Path) ?? throw new BackupException($"{file.Path} is listed in the manifest but missing from the archive");
            try
            {
                await using var content = entry.Open();
                await using var destination = file.Path == manifest.Database ? File.Create(databaseCopy) : Stream.Null;
                var (length, sha256) = await CopyHashedAsync(content, destination, cancellationToken);
                if (length != file.Length || !string.Equals(sha256, file.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new BackupException($"{file.Path} is damaged: its SHA-256 or length differs from the manifest's; nothing was restored");
                }
            }
            catch (InvalidDataException e)
            {
                throw new BackupException($"{file.Path} is damaged ({e.Message.TrimEnd('.')}); nothing was restored");
            }
        }
    }

    /// <summary>The attachment an archive path holds; null when the path is not an attachment's.</summary>
    private static Guid? AttachmentId(string path) =>
        path.StartsWith(BackupManifest.AttachmentsFolder, StringComparison.Ordinal)
        && Guid.TryParseExact(path[BackupManifest.AttachmentsFolder.Length..], "N", out var id) ? id : null;

    /// <summary>Copies a stream and returns its length and lower-case hex SHA-256.</summary>
    private static async Task<(long Length, string Sha256)> CopyHashedAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            long length = 0;
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }

            return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
