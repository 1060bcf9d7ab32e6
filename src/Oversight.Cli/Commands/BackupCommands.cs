using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Backups;

namespace Oversight.Cli.Commands;

public static class BackupCommands
{
    private const string KeyFiles =
        "The installation's key file (Keys:File; by default keys/oversight.key beside the embedded database) is not in a backup, on purpose: back it up separately and keep it apart from the archives.";

    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["backup"], "backup --out FILE",
            "Writes a consistent copy of the database, taken while Oversight runs and writes, with the attachments its records "
            + "reference and a manifest (schema version, every table's row count, each file's SHA-256) to one new ZIP archive. "
            + "SQLite is copied with its online backup API; PostgreSQL with pg_dump --format=custom in one snapshot (pg_dump from "
            + "--Backup:PostgresBin DIR, else PATH, else /usr/lib/postgresql/*/bin). Attachments come from --Attachments:Root "
            + "(default data/attachments). " + KeyFiles,
            BackupAsync,
            MigratesFirst: false),
        new(["restore"], "restore FILE",
            "Restores a backup into an empty database (a SQLite file that does not exist or has no tables; a PostgreSQL "
            + "database with no tables, created when missing, with pg_restore) and its attachments into --Attachments:Root. "
            + "Every file's SHA-256 is checked against the manifest first: a damaged archive is refused, naming the file, and "
            + "nothing is changed. Afterwards every table's row count is compared with the manifest's; exits 1 when one differs.",
            RestoreAsync,
            MigratesFirst: false),
    ];

    private static async Task<int> BackupAsync(CommandContext context)
    {
        var path = context.Invocation.RequiredOption("out");
        var stopwatch = Stopwatch.StartNew();
        var result = await context.Services.GetRequiredService<DatabaseBackup>().TakeAsync(path);
        if (result.Error is { } error)
        {
            throw new CommandException(error.Message);
        }

        var manifest = result.Manifest!;
        await context.Output.WriteLineAsync(
            $"Backed up the {manifest.Provider} database at schema {manifest.SchemaVersion} ({manifest.Tables.Count} tables, {manifest.TotalRows} rows) "
            + $"and {manifest.Attachments.Count()} attachments ({Megabytes(manifest.Attachments.Sum(a => a.Length))}) "
            + $"to {path} ({Megabytes(result.ArchiveLength)}) in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        await context.Output.WriteLineAsync(KeyFiles);
        return 0;
    }

    private static async Task<int> RestoreAsync(CommandContext context)
    {
        var path = context.Invocation.Argument(1, 0, "FILE");
        var stopwatch = Stopwatch.StartNew();
        var result = await context.Services.GetRequiredService<DatabaseBackup>().RestoreAsync(path);
        if (result.Error is { } error)
        {
            throw new CommandException(error.Message);
        }

        var manifest = result.Manifest!;
        await context.Output.WriteLineAsync(
            $"Restored the {manifest.Provider} database of {manifest.TakenAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC at schema {manifest.SchemaVersion} "
            + $"and {manifest.Attachments.Count()} attachments from {path} in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        foreach (var difference in result.Differences)
        {
            await context.Error.WriteLineAsync($"{difference.Table}: {Count(difference.InBackup)} rows in the backup, {Count(difference.Restored)} restored");
        }

        if (result.Differences.Count > 0)
        {
            await context.Error.WriteLineAsync($"{result.Differences.Count} table(s) differ from the backup.");
            return 1;
        }

        await context.Output.WriteLineAsync($"Every table's row count equals the backup's: {manifest.Tables.Count} tables, {manifest.TotalRows} rows.");
        await context.Output.WriteLineAsync(
            "Put back the installation's key file (Keys:File; by default keys/oversight.key beside the embedded database), backed up separately, "
            + "before Oversight starts: without it the confidential fields cannot be read and the audit chain cannot be verified. 'oversight audit verify' checks the chain.");
        return 0;
    }

    private static string Count(long? rows) => rows is { } count ? $"{count}" : "no table";

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MiB";
}
