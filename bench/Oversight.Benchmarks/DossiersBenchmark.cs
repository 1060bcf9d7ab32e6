using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Indicators;
using Oversight.PublicServices;

namespace Oversight.Benchmarks;

/// <summary>
/// Targets of the public-service dossiers, on a database with the demo loaded and a province-year of dossiers
/// (<see cref="DossierGenerator"/>: Thành phố Hà Nội's units, last year, <c>--dossiers</c> rows, 10,000,000 by default):
/// <list type="number">
/// <item>The Release CLI's <c>import dossiers</c>, facts kept, at least half the rate of the database's own bulk load of
/// the same file in the same run (SQLite: the <c>sqlite3</c> shell's <c>.import --csv</c> into a plain table of a fresh
/// database file; PostgreSQL: <c>COPY … FROM STDIN</c> into a plain logged table), with memory flat: the most memory the
/// command held importing 10 rows and importing the file. The same bulk load into the plain table with a unique index on
/// the dossier code, the least an import that matches rows by code keeps, and with the dossiers table's indexes, the least
/// one that stores them as Oversight reads them keeps, show how near half the rate any such import can come.</item>
/// <item>Every indicator of the province over the year through the API, p95 under 200 ms, once the facts the import
/// wrote are merged (as the web host does after an import); DuckDB over the same raw rows, exported from the database,
/// with identical numbers (<see cref="DuckDbComparison.Dossiers"/>).</item>
/// <item>With <c>--kill</c> instead (5,000,000 rows by default): the import is killed (SIGKILL) halfway through the file;
/// then <c>audit verify</c> and <c>indicators check</c> must pass with no dossier stored, and the file imported again
/// must store every row, <c>indicators check</c> passing again.</item>
/// </list>
/// </summary>
internal static partial class DossiersBenchmark
{
    private const string Province = "01";

    /// <summary>The plain table of the engines' own bulk load: the file's columns, typed as they read.</summary>
    private const string PlainTable = """
        CREATE TABLE bench_dossiers (dossier_code text, procedure_code text, procedure_name text, field text, level text, unit text, channel text,
            online_service text, received_on date, due_on date, completed_on date, result text, e_result boolean, digitised boolean, paid_online boolean,
            satisfaction smallint)
        """;

    /// <summary>The index a load that matches rows by dossier code (safe to repeat) cannot do without.</summary>
    private static readonly string[] CodeIndex = ["CREATE UNIQUE INDEX bench_dossiers_code ON bench_dossiers (dossier_code)"];

    /// <summary>
    /// The indexes of Oversight's dossiers table but its key: the code's, and those its register and the facts' rebuild
    /// read by (a unit's dossiers by day, every unit's by day). The least any import that stores dossiers as Oversight
    /// reads them keeps.
    /// </summary>
    private static readonly string[] StoreIndexes =
    [
        .. CodeIndex,
        "CREATE INDEX bench_dossiers_unit ON bench_dossiers (unit, received_on)",
        "CREATE INDEX bench_dossiers_received ON bench_dossiers (received_on)",
    ];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var (cliDll, webDll) = CliProcess.FindBuild(options.Build);
        var rows = options.Dossiers ?? (options.Kill ? 5_000_000 : 10_000_000);
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.Keep);
        var folder = Path.Combine(Path.GetTempPath(), "oversight-bench");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"dossiers-{Guid.NewGuid():N}.csv");
        var tiny = Path.Combine(folder, $"dossiers-tiny-{Guid.NewGuid():N}.csv");
        try
        {
            string token;
            (DateOnly From, DateOnly To) year;
            await using (var services = await database.OpenAsync())
            {
                var clock = Stopwatch.StartNew();
                await using (var scope = BenchDatabase.SystemScope(services))
                {
                    if ((await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync()).Outcome != DemoOutcome.Loaded)
                    {
                        Console.Error.WriteLine("the demo did not load");
                        return 1;
                    }

                    var (created, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync("admin", "benchmark");
                    token = created ?? throw new InvalidOperationException(error?.Message);
                }

                var today = Organisation.VietnamTime.Today(TimeProvider.System);
                var generator = await DossierGenerator.CreateAsync(services, Province, today.Year - 1, today);
                year = generator.Year;
                Console.WriteLine($"Demo loaded on {options.DatabaseName} in {clock.Elapsed.TotalSeconds:F1} s (load average {Machine.LoadAverage})");
                var summary = generator.Write(file, rows, "H26");
                generator.Write(tiny, 10, "T26", seed: 16);
                Console.WriteLine($"Dossiers of {Province}, {year.From:yyyy-MM-dd}..{year.To:yyyy-MM-dd}: {summary}; {new FileInfo(file).Length / 1048576.0:N0} MiB of CSV");
            }

            var environment = new Dictionary<string, string> { ["Imports:MaxRows"] = rows.ToString(CultureInfo.InvariantCulture) };
            return options.Kill
                ? await KillAsync(cliDll, database, environment, file, rows)
                : await MeasureAsync(options, cliDll, webDll, database, environment, token, file, tiny, rows, year);
        }
        finally
        {
            CliProcess.DeleteInputs(tiny, file, options.Keep, "file");
        }
    }

    /// <summary>Targets 1 and 2: the import beside the engine's bulk load, then the province's figures for the year beside DuckDB.</summary>
    private static async Task<int> MeasureAsync(
        BenchOptions options, string cliDll, string webDll, BenchDatabase database, IReadOnlyDictionary<string, string> environment, string token, string file, string tiny, int rows,
        (DateOnly From, DateOnly To) year)
    {
        var (engineName, engine) = database.Provider == DatabaseProvider.Sqlite
            ? ("sqlite3 .import --csv into a plain table of a fresh database file", await SqliteShellImportAsync(file, rows, []))
            : ("COPY FROM STDIN (FORMAT csv) into a plain logged table", await CopyAsync(database, file, rows, []));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine {engineName}: {engine.TotalSeconds:F1} s = {rows / engine.TotalSeconds:N0} rows/s (load average {Machine.LoadAverage})"));

        // The least an import that matches rows by dossier code keeps (the code's unique index alone), and the least one that
        // stores them as Oversight reads them keeps (the dossiers table's indexes).
        foreach (var (label, indexes) in new[] { ("a unique index on dossier_code", CodeIndex), ("the dossiers table's indexes but its key", StoreIndexes) })
        {
            var indexed = database.Provider == DatabaseProvider.Sqlite ? await SqliteShellImportAsync(file, rows, indexes) : await CopyAsync(database, file, rows, indexes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine, the same with {label}: {indexed.TotalSeconds:F1} s = {rows / indexed.TotalSeconds:N0} rows/s: {engine / indexed:F3} × the plain load (load average {Machine.LoadAverage})"));
        }

        var small = (await CliProcess.RunAsync(cliDll, database, environment, "import", "dossiers", tiny, "--user", "admin")).Succeeded();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import 10 rows (the command's own memory): {small.Elapsed.TotalSeconds:F1} s; at most {small.PeakMiB:N0} MiB resident: {small.Output}"));
        var full = (await CliProcess.RunAsync(cliDll, database, environment, "import", "dossiers", file, "--user", "admin")).Succeeded();
        var rate = rows / full.Elapsed.TotalSeconds;
        var ratio = rate / (rows / engine.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {rows:N0} rows: {full.Elapsed.TotalSeconds:F1} s = {rate:N0} rows/s, the command's start included; at most {full.PeakMiB:N0} MiB resident (+{full.PeakMiB - small.PeakMiB:N0} over 10 rows): {full.Output} (load average {Machine.LoadAverage})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import / engine: {ratio:F3} (target at least 0.5: {(ratio >= 0.5 ? "met" : "MISSED")})"));

        await using var services = await database.OpenAsync();
        await MergeFactsAsync(services, database);
        var period = $"from={year.From:yyyy-MM-dd}&to={year.To:yyyy-MM-dd}";
        (string Label, string Path)[] requests =
        [
            ($"province {Province}, {year.From.Year}, every PUB.* indicator", $"/api/v1/units/{Province}/indicators?{period}&" + string.Join('&', DuckDbComparison.Codes(DuckDbComparison.Dossiers).Select(c => $"indicator={c}"))),
            ($"province {Province}, {year.From.Year}, every indicator", $"/api/v1/units/{Province}/indicators?{period}"),
        ];
        Console.WriteLine($"Timing the indicators (load average {Machine.LoadAverage})");
        await IndicatorsBenchmark.TimeAsync("year", webDll, database, token, requests, options.Requests);
        var identical = await DuckDbComparison.RunAsync(services, webDll, database, token, DuckDbComparison.Dossiers, Province, year.From, year.To, options.Requests);
        Console.WriteLine($"Done (load average {Machine.LoadAverage})");
        return identical ? 0 : 1;
    }

    /// <summary>
    /// Target 3: the import killed halfway through the file, then the database opened again, audited and checked; then the
    /// whole file again. The demo has dossiers of its own: the counts are compared with those before the import.
    /// </summary>
    private static async Task<int> KillAsync(string cliDll, BenchDatabase database, IReadOnlyDictionary<string, string> environment, string file, int rows)
    {
        var before = await CountAsync(database);
        Console.WriteLine($"before the import: {before}");
        var (reached, elapsed, peakMiB) = await KillHalfwayAsync(cliDll, database, environment, file, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 of import dossiers after {elapsed.TotalSeconds:F1} s, at row {reached:N0} of {rows:N0} ({peakMiB:N0} MiB resident at most) (load average {Machine.LoadAverage})"));
        var passed = await VerifyAsync(cliDll, database, "after the kill", before);

        var again = (await CliProcess.RunAsync(cliDll, database, environment, "import", "dossiers", file, "--user", "admin")).Succeeded();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"import {rows:N0} rows again: {again.Elapsed.TotalSeconds:F1} s = {rows / again.Elapsed.TotalSeconds:N0} rows/s; at most {again.PeakMiB:N0} MiB resident: {again.Output} (load average {Machine.LoadAverage})"));
        passed &= await VerifyAsync(cliDll, database, "after the import", before with { Dossiers = before.Dossiers + rows, Imports = before.Imports + 1, Facts = null });
        Console.WriteLine($"kill -9 halfway: {(passed ? "all or nothing, and the facts equal the records" : "FAILED")}");
        return passed ? 0 : 1;
    }

    /// <summary>The dossiers stored, the audit entries of dossier imports and the rows of the dossiers' facts (null: not compared).</summary>
    private sealed record Counts(long Dossiers, long Imports, long? Facts)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"{Dossiers:N0} dossiers, {Imports:N0} audit entries of dossier imports, {(Facts is { } facts ? facts.ToString("N0", CultureInfo.InvariantCulture) : "any number of")} rows of the dossiers' facts");
    }

    private static async Task<Counts> CountAsync(BenchDatabase database)
    {
        await using var services = await database.OpenAsync();
        await using var scope = BenchDatabase.SystemScope(services);
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        return new Counts(
            await db.Dossiers.LongCountAsync(),
            await db.AuditEntries.LongCountAsync(e => e.EntityType == nameof(Dossier)),
            await db.Set<IndicatorFact>().LongCountAsync(f => f.RecordSet == RecordSets.Dossiers.Number));
    }

    /// <summary>
    /// Runs <c>audit verify</c> and <c>indicators check</c> on the database and counts its dossiers, their audit entries and
    /// rows of facts; whether the commands passed and the counts are <paramref name="expected"/>.
    /// </summary>
    private static async Task<bool> VerifyAsync(string cliDll, BenchDatabase database, string when, Counts expected)
    {
        var audit = await CliProcess.RunAsync(cliDll, database, null, "audit", "verify");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{when}: audit verify exited with {audit.ExitCode} in {audit.Elapsed.TotalSeconds:F1} s: {audit.Output}"));
        var check = await CliProcess.RunAsync(cliDll, database, null, "indicators", "check");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{when}: indicators check exited with {check.ExitCode} in {check.Elapsed.TotalSeconds:F1} s: {check.Output}"));
        var counts = await CountAsync(database);
        Console.WriteLine($"{when}: {counts} (expected {expected})");
        return audit.ExitCode == 0 && check.ExitCode == 0
            && counts.Dossiers == expected.Dossiers && counts.Imports == expected.Imports && (expected.Facts is null || counts.Facts == expected.Facts);
    }

    /// <summary>
    /// Starts <c>import dossiers</c> on a pseudo-terminal (<c>script</c>), where the CLI draws its progress, and sends the
    /// CLI's process SIGKILL once it has read and written half the rows; the row it reached, when, and the most memory it held.
    /// </summary>
    private static async Task<(int Reached, TimeSpan Elapsed, long PeakMiB)> KillHalfwayAsync(
        string cliDll, BenchDatabase database, IReadOnlyDictionary<string, string> environment, string file, int rows)
    {
        var command = string.Join(' ', new[] { "exec", "dotnet", cliDll, "import", "dossiers", file, "--user", "admin" }.Select(a => $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
        var start = CliProcess.StartInfo("script", ["--quiet", "--flush", "--return", "--command", command, "/dev/null"], database, environment);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var clock = Stopwatch.StartNew();
        using var terminal = Process.Start(start)!;
        var errors = terminal.StandardError.ReadToEndAsync();
        var buffer = new char[8192];
        var seen = "";
        var reached = 0;
        while (reached < rows / 2)
        {
            var read = await terminal.StandardOutput.ReadAsync(buffer);
            if (read == 0)
            {
                throw new InvalidOperationException($"the import ended before it was halfway, at row {reached:N0}: {seen.Trim()} {await errors}");
            }

            seen = string.Concat(seen.AsSpan(Math.Max(0, seen.Length - 200)), buffer.AsSpan(0, read));
            if (Progress().Matches(seen) is { Count: > 0 } matches)
            {
                reached = int.Parse(new string(matches[^1].Groups[1].Value.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
            }
        }

        var elapsed = clock.Elapsed;
        using var cli = Process.GetProcessById(ChildOf(terminal.Id));
        var peakMiB = CliProcess.HighWaterMarkKiB(cli.Id) / 1024;
        cli.Kill();
        await terminal.WaitForExitAsync();
        return (reached, elapsed, peakMiB);
    }

    /// <summary>The process <paramref name="pid"/> started (the shell of <c>script</c>, which execs the CLI).</summary>
    private static int ChildOf(int pid)
    {
        var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return children.Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            .Single(child => File.ReadAllText($"/proc/{child}/cmdline").Contains("oversight.dll", StringComparison.Ordinal));
    }

    /// <summary>
    /// The same file loaded by the <c>sqlite3</c> shell into a plain table of a fresh database file beside the benchmark's
    /// (one transaction, the shell's defaults), with <paramref name="indexes"/> on it; its time, the shell's start included.
    /// </summary>
    private static async Task<TimeSpan> SqliteShellImportAsync(string file, int rows, IReadOnlyList<string> indexes)
    {
        var target = Path.Combine(Path.GetTempPath(), "oversight-bench", $"sqlite3-import-{Guid.NewGuid():N}.db");
        try
        {
            var clock = Stopwatch.StartNew();
            await SqliteShellAsync(target, $"{string.Join(";\n", [PlainTable, .. indexes])};\n.import --csv --skip 1 '{file}' bench_dossiers");
            var elapsed = clock.Elapsed;
            var count = await SqliteShellAsync(target, "SELECT count(*) FROM bench_dossiers;");
            return count.Trim() == rows.ToString(CultureInfo.InvariantCulture) ? elapsed : throw new InvalidOperationException($"sqlite3 imported {count.Trim()} rows, not {rows}");
        }
        finally
        {
            File.Delete(target);
        }
    }

    private static async Task<string> SqliteShellAsync(string databaseFile, string script)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(databaseFile);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync(script);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 && (await error).Length == 0 ? await output : throw new InvalidOperationException($"sqlite3 failed: {await error}");
    }

    /// <summary>
    /// The same file sent to <c>COPY … FROM STDIN (FORMAT csv)</c> into a plain logged table of the benchmark's database, a
    /// megabyte at a time, with <paramref name="indexes"/> on it; its time. The table is dropped afterwards.
    /// </summary>
    private static async Task<TimeSpan> CopyAsync(BenchDatabase database, string file, int rows, IReadOnlyList<string> indexes)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in new[] { PlainTable }.Concat(indexes))
        {
            await Execute(connection, statement);
        }

        var clock = Stopwatch.StartNew();
        await using (var copy = await connection.BeginTextImportAsync("COPY bench_dossiers FROM STDIN (FORMAT csv, HEADER true)"))
        using (var reader = new StreamReader(file))
        {
            var buffer = new char[1 << 20];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await copy.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        var elapsed = clock.Elapsed;
        await using (var count = new NpgsqlCommand("SELECT count(*) FROM bench_dossiers", connection))
        {
            if ((long)(await count.ExecuteScalarAsync())! != rows)
            {
                throw new InvalidOperationException("COPY did not load every row");
            }
        }

        await Execute(connection, "DROP TABLE bench_dossiers");
        return elapsed;

        static async Task Execute(NpgsqlConnection connection, string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Merges the rows of facts the import added into one per bucket and mask, as the web host does every few seconds
    /// (<c>FactCompaction</c>), then on PostgreSQL vacuums, as autovacuum would after a bulk load; prints the time and the
    /// rows of facts before and after.
    /// </summary>
    private static async Task MergeFactsAsync(IServiceProvider services, BenchDatabase database)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var facts = scope.ServiceProvider.GetRequiredService<IndicatorFacts>();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var before = await db.Set<IndicatorFact>().LongCountAsync();
        var clock = Stopwatch.StartNew();
        while (await facts.CompactAsync(db, null, CancellationToken.None))
        {
        }

        var merged = clock.Elapsed;
        var after = await db.Set<IndicatorFact>().LongCountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"facts merged in {merged.TotalSeconds:F1} s: {before:N0} rows of facts before, {after:N0} after"));
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            clock.Restart();
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            Console.WriteLine($"Vacuumed in {clock.Elapsed.TotalSeconds:F1} s");
        }
    }

    /// <summary>The CLI's progress line: <c>FILE: writing 1,234 / 5,000,000 rows</c>.</summary>
    [GeneratedRegex(@"writing ([\d.,\u00a0\u202f ]+?) / ")]
    private static partial Regex Progress();
}
