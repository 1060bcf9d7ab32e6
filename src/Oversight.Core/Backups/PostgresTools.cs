using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Oversight.Backups;

/// <summary>
/// PostgreSQL's own client programs, <c>pg_dump</c> and <c>pg_restore</c>: from the folder <c>Backup:PostgresBin</c>
/// names, else the first found on <c>PATH</c>, else under <c>/usr/lib/postgresql/VERSION/bin</c> (where Debian's
/// packages put them), the newest version first.
/// </summary>
public sealed record PostgresTools(string? Folder)
{
    private const string DebianFolders = "/usr/lib/postgresql";

    public static PostgresTools From(IConfiguration configuration) => new(configuration["Backup:PostgresBin"] is { Length: > 0 } folder ? folder : null);

    /// <summary>Runs a tool against the database of <paramref name="connectionString"/>; throws <see cref="BackupException"/> with its own message when it fails.</summary>
    internal async Task RunAsync(string tool, string connectionString, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.ArgumentList.Add($"--dbname={ConnectionInfo(connection)}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // In the environment, not on the command line, where other users of the machine could read it.
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        using var process = Process.Start(start) ?? throw new BackupException($"{tool} could not be started");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new BackupException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }
    }

    /// <summary>An Npgsql connection string as libpq's keyword/value connection string, without the password.</summary>
    internal static string ConnectionInfo(NpgsqlConnectionStringBuilder connection)
    {
        var sslMode = connection.SslMode switch
        {
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            var mode => mode.ToString().ToLowerInvariant(),
        };
        var keywords = new List<string> { $"host={Value(connection.Host ?? "localhost")}", $"port={connection.Port}", $"sslmode={sslMode}" };
        if (!string.IsNullOrEmpty(connection.Database))
        {
            keywords.Add($"dbname={Value(connection.Database)}");
        }

        if (!string.IsNullOrEmpty(connection.Username))
        {
            keywords.Add($"user={Value(connection.Username)}");
        }

        return string.Join(' ', keywords);
    }

    private static string Value(string value) => $"'{value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal)}'";

    private string Find(string tool)
    {
        if (Folder is not null)
        {
            var named = Path.Combine(Folder, tool);
            return File.Exists(named) ? named : throw new BackupException($"there is no {tool} in {Folder} (Backup:PostgresBin)");
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists(DebianFolders)
            ? Directory.GetDirectories(DebianFolders).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var version) ? version : 0).Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(debian).Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists)
            ?? throw new BackupException(
                $"{tool} was found neither on PATH nor under {DebianFolders}/*/bin; install PostgreSQL's client programs "
                + "(of the server's version or newer) or name their folder with --Backup:PostgresBin DIR");
    }
}
