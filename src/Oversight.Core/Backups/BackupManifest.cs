using System.Text.Json;
using System.Text.Json.Serialization;
using Oversight.Data;

namespace Oversight.Backups;

/// <summary>One file of a backup archive: its path inside the archive, its length and the SHA-256 of its bytes.</summary>
public sealed record BackupFile(string Path, long Length, string Sha256);

/// <summary>
/// What a backup archive holds, as <c>manifest.json</c> inside it: the format, the database's provider and schema
/// version, when it was taken, every table's row count in the copy, and every other file of the archive with its
/// checksum. See <c>Backups/README.md</c>.
/// </summary>
/// <param name="Format">The archive's format; a restore refuses a format it does not know.</param>
/// <param name="Provider">The database the copy is of; it restores only into the same.</param>
/// <param name="SchemaVersion">The last migration applied to the copied database.</param>
/// <param name="TakenAt">When the copy was taken (UTC).</param>
/// <param name="Database">The path of the database copy among <paramref name="Files"/>.</param>
/// <param name="Tables">Each table's row count in the copy, read from the copy itself (on PostgreSQL, in the snapshot the dump was taken in).</param>
/// <param name="Files">The database copy and the attachments, each with its checksum.</param>
public sealed record BackupManifest(
    int Format,
    DatabaseProvider Provider,
    string SchemaVersion,
    DateTimeOffset TakenAt,
    string Database,
    IReadOnlyDictionary<string, long> Tables,
    IReadOnlyList<BackupFile> Files)
{
    /// <summary>The format this version of Oversight writes and reads.</summary>
    public const int CurrentFormat = 1;

    /// <summary>The manifest's own path in the archive.</summary>
    public const string EntryName = "manifest.json";

    /// <summary>Where attachments are in the archive: one file per attachment, named by its id.</summary>
    public const string AttachmentsFolder = "attachments/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public long TotalRows => Tables.Values.Sum();

    public IEnumerable<BackupFile> Attachments => Files.Where(f => f.Path.StartsWith(AttachmentsFolder, StringComparison.Ordinal));

    public static string AttachmentPath(Guid id) => AttachmentsFolder + id.ToString("N");

    public async Task WriteAsync(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.SerializeAsync(stream, this, Json, cancellationToken);

    /// <summary>The manifest in <paramref name="stream"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static async Task<BackupManifest> ReadAsync(Stream stream, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, cancellationToken) is { Tables: not null, Files: not null, Database: not null, SchemaVersion: not null } manifest
            ? manifest
            : throw new JsonException("a field is missing");
}
