using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using DuckDB.NET.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.PublicServices;
using Oversight.Text;

namespace Oversight.Benchmarks;

/// <summary>
/// Figures of a unit for one period from Oversight's facts through the API, and from DuckDB over the raw rows of their
/// records exported from the same database, each timed in the same run; prints both times and whether every numerator
/// and denominator agrees. DuckDB counts each figure as the definitions say (<c>RecordSets</c>: a record taken by the
/// period by its day, its state read on the period's last day, or today). <see cref="Cases"/>: the four case figures;
/// <see cref="Dossiers"/>: every public-service figure.
/// </summary>
internal static class DuckDbComparison
{
    /// <summary>
    /// The records behind some indicators: how to export their raw rows (each with whether its unit lies in the subtree, a
    /// header and DuckDB's type of each column), the column of the day a period takes them by, and each indicator's
    /// numerator and denominator as DuckDB aggregates given the day the state is read on (a <c>DATE</c> literal).
    /// </summary>
    internal sealed record RawRecords(
        string Name,
        IReadOnlyList<(string Column, string Type)> Columns,
        string Day,
        Func<OversightDbContext, IReadOnlySet<Guid>, Func<string, Task>, Task<int>> ExportAsync,
        Func<string, IReadOnlyList<(string Code, string Numerator, string? Denominator)>> Figures);

    private sealed record Figure(string Code, long Numerator, long? Denominator);

    private sealed record Answer(IReadOnlyList<Figure> Values);

    /// <summary>
    /// Cases received in the period: received; resolved on time of those resolved; open past their deadline; resolved
    /// within jurisdiction of those within it.
    /// </summary>
    public static RawRecords Cases { get; } = new(
        "cases",
        [("unit_id", "UUID"), ("in_subtree", "BOOLEAN"), ("received_on", "DATE"), ("status", "VARCHAR"), ("within_jurisdiction", "BOOLEAN"),
            ("accepted_on", "DATE"), ("acceptance_due_on", "DATE"), ("due_on", "DATE"), ("closed_on", "DATE")],
        "received_on",
        async (db, subtree, write) =>
        {
            var rows = 0;
            await foreach (var c in db.Cases.AsNoTracking()
                .Select(c => new { c.UnitId, c.ReceivedOn, c.Status, c.WithinJurisdiction, c.AcceptedOn, c.AcceptanceDueOn, c.DueOn, c.ClosedOn })
                .AsAsyncEnumerable())
            {
                await write($"{c.UnitId},{Flag(subtree.Contains(c.UnitId))},{Day(c.ReceivedOn)},{WireNames<CaseStatus>.ToWire(c.Status)},{Flag(c.WithinJurisdiction)},{Day(c.AcceptedOn)},{Day(c.AcceptanceDueOn)},{Day(c.DueOn)},{Day(c.ClosedOn)}");
                rows++;
            }

            return rows;
        },
        d =>
        {
            var resolved = $"status = 'resolved' AND closed_on <= {d}";
            var open = $"(closed_on IS NULL OR closed_on > {d} OR status IN ('received', 'accepted', 'under-consideration'))";
            return
            [
                ("CIT.CASES", "count(*)", null),
                ("CIT.ON-TIME", $"count(*) FILTER (WHERE {resolved} AND closed_on <= due_on)", $"count(*) FILTER (WHERE {resolved})"),
                ("CIT.OVERDUE", $"count(*) FILTER (WHERE {open} AND (CASE WHEN accepted_on <= {d} THEN due_on ELSE acceptance_due_on END) < {d})", null),
                ("CIT.RESOLVED-WITHIN-JURISDICTION", $"count(*) FILTER (WHERE within_jurisdiction AND {resolved})", "count(*) FILTER (WHERE within_jurisdiction)"),
            ];
        });

    /// <summary>
    /// Dossiers received in the period, as they stood on its last day: completed by then (on time when not after the day
    /// due), overdue when not completed and past the day due; online by channel, by level, fully online; results issued
    /// electronically of those completed; digitised; paid online; the average rating of those rated.
    /// </summary>
    public static RawRecords Dossiers { get; } = new(
        "dossiers",
        [("unit_id", "UUID"), ("in_subtree", "BOOLEAN"), ("level", "VARCHAR"), ("channel", "VARCHAR"), ("online_service", "VARCHAR"), ("received_on", "DATE"),
            ("due_on", "DATE"), ("completed_on", "DATE"), ("e_result", "BOOLEAN"), ("digitised", "BOOLEAN"), ("paid_online", "BOOLEAN"), ("satisfaction", "INTEGER")],
        "received_on",
        async (db, subtree, write) =>
        {
            var rows = 0;
            await foreach (var d in db.Dossiers.AsNoTracking()
                .Select(d => new { d.UnitId, d.Level, d.Channel, d.OnlineService, d.ReceivedOn, d.DueOn, d.CompletedOn, d.ElectronicResult, d.Digitised, d.PaidOnline, d.Satisfaction })
                .AsAsyncEnumerable())
            {
                await write($"{d.UnitId},{Flag(subtree.Contains(d.UnitId))},{WireNames<ServiceLevel>.ToWire(d.Level)},{WireNames<DossierChannel>.ToWire(d.Channel)},"
                    + $"{WireNames<OnlineService>.ToWire(d.OnlineService)},{Day(d.ReceivedOn)},{Day(d.DueOn)},{Day(d.CompletedOn)},{Flag(d.ElectronicResult)},{Flag(d.Digitised)},"
                    + $"{Flag(d.PaidOnline)},{d.Satisfaction?.ToString(CultureInfo.InvariantCulture)}");
                rows++;
            }

            return rows;
        },
        d =>
        {
            var completed = $"completed_on <= {d}";
            var rated = "satisfaction IS NOT NULL";
            return
            [
                ("PUB.DOSSIERS", "count(*)", null),
                ("PUB.ONLINE", "count(*) FILTER (WHERE channel = 'online')", "count(*)"),
                ("PUB.ONLINE-DISTRICT", "count(*) FILTER (WHERE level = 'district' AND channel = 'online')", "count(*) FILTER (WHERE level = 'district')"),
                ("PUB.ONLINE-COMMUNE", "count(*) FILTER (WHERE level = 'commune' AND channel = 'online')", "count(*) FILTER (WHERE level = 'commune')"),
                ("PUB.FULLY-ONLINE", "count(*) FILTER (WHERE channel = 'online' AND online_service = 'full')", "count(*)"),
                ("PUB.ON-TIME", $"count(*) FILTER (WHERE {completed} AND completed_on <= due_on)", $"count(*) FILTER (WHERE {completed})"),
                ("PUB.OVERDUE", $"count(*) FILTER (WHERE (completed_on IS NULL OR completed_on > {d}) AND due_on < {d})", null),
                ("PUB.E-RESULTS", $"count(*) FILTER (WHERE {completed} AND e_result)", $"count(*) FILTER (WHERE {completed})"),
                ("PUB.DIGITISED", "count(*) FILTER (WHERE digitised)", "count(*)"),
                ("PUB.PAID-ONLINE", "count(*) FILTER (WHERE paid_online)", "count(*)"),
                ("PUB.SATISFACTION", $"coalesce(sum(satisfaction) FILTER (WHERE {rated}), 0)::BIGINT", $"count(*) FILTER (WHERE {rated})"),
            ];
        });

    /// <summary>The codes of the indicators <paramref name="records"/> gives.</summary>
    public static IReadOnlyList<string> Codes(RawRecords records) => records.Figures("NULL").Select(f => f.Code).ToList();

    /// <summary>
    /// Times the API's figures of <paramref name="records"/> for the unit and period, exports the records' raw rows, loads them
    /// into DuckDB in memory and times its count of the same figures; prints both and whether every number agrees.
    /// Returns whether they all did.
    /// </summary>
    public static async Task<bool> RunAsync(
        IServiceProvider services, string webDll, BenchDatabase database, string token, RawRecords records, string unitCode, DateOnly from, DateOnly to, int requests)
    {
        var codes = Codes(records);
        var label = $"the {codes.Count} {records.Name} figures";
        var path = $"/api/v1/units/{unitCode}/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&" + string.Join('&', codes.Select(c => $"indicator={c}"));
        IReadOnlyList<Figure> engine;
        List<double> engineTimes;
        await using (var server = await WebBenchmark.WebHost.StartAsync(webDll, database))
        {
            using var api = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            engineTimes = await WebBenchmark.TimeAsync(api, path, requests);
            engine = (await api.GetFromJsonAsync<Answer>(path))!.Values;
        }

        var file = Path.Combine(Path.GetTempPath(), $"oversight-{records.Name}-{Guid.NewGuid():N}.csv");
        try
        {
            var clock = Stopwatch.StartNew();
            var (rows, units) = await ExportAsync(services, records, file, unitCode, from, to);
            Console.WriteLine($"duckdb exported {rows:N0} {records.Name} from {database.Provider} in {clock.Elapsed.TotalSeconds:F1} s; the subtree has {units:N0} units");

            await using var duck = new DuckDBConnection("Data Source=:memory:");
            await duck.OpenAsync();
            clock.Restart();
            var columns = string.Join(", ", records.Columns.Select(c => $"'{c.Column}': '{c.Type}'"));
            await ExecuteAsync(duck, $"CREATE TABLE {records.Name} AS SELECT * FROM read_csv('{file}', header = true, columns = {{{columns}}})");
            Console.WriteLine($"duckdb loaded them in {clock.Elapsed.TotalSeconds:F1} s");

            var figures = records.Figures($"DATE '{Min(to, VietnamTime.Today(TimeProvider.System)):yyyy-MM-dd}'");
            var query = $"""
                SELECT {string.Join(", ", figures.SelectMany(f => f.Denominator is null ? [f.Numerator] : new[] { f.Numerator, f.Denominator }))}
                FROM {records.Name}
                WHERE in_subtree AND {records.Day} BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}'
                """;
            long[] counts = [];
            for (var i = 0; i < WebBenchmark.WarmUpRequests; i++)
            {
                counts = await CountAsync(duck, query);
            }

            var duckTimes = new List<double>(requests);
            for (var i = 0; i < requests; i++)
            {
                clock.Restart();
                counts = await CountAsync(duck, query);
                duckTimes.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {$"facts engine (API), {label}",-44} {Percentiles.Describe(engineTimes)}  {path}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {"DuckDB over the raw rows, the same",-44} {Percentiles.Describe(duckTimes)}"));
            var next = 0;
            var identical = true;
            foreach (var (code, _, denominator) in figures)
            {
                var counted = new Figure(code, counts[next++], denominator is null ? null : counts[next++]);
                var kept = engine.Single(f => f.Code == code);
                var same = kept.Numerator == counted.Numerator && kept.Denominator == counted.Denominator;
                identical &= same;
                Console.WriteLine($"duckdb {code,-34} engine {kept.Numerator:N0}/{Number(kept.Denominator)}  DuckDB {counted.Numerator:N0}/{Number(counted.Denominator)}  {(same ? "identical" : "DIFFERENT")}");
            }

            Console.WriteLine($"duckdb every numerator and denominator of {label}: {(identical ? "identical" : "NOT identical")}");
            return identical;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Day(DateOnly? day) => day is { } value ? IsoDate.Format(value) : "";

    private static string Flag(bool? value) => value is { } flag ? flag ? "true" : "false" : "";

    private static string Number(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>
    /// Writes every record of <paramref name="records"/> in the database as CSV, with whether its unit is in the subtree of
    /// <paramref name="unitCode"/> as the indicators take it (as it stood on the period's last and first days).
    /// </summary>
    private static async Task<(int Rows, int Units)> ExportAsync(IServiceProvider services, RawRecords records, string file, string unitCode, DateOnly from, DateOnly to)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var graph = await scope.ServiceProvider.GetRequiredService<UnitDirectory>().GraphAsync();
        var unit = graph.Find(unitCode, to) ?? graph.Find(unitCode, from) ?? throw new InvalidOperationException($"no unit {unitCode}");
        var subtree = new[] { to, from }.SelectMany(day => graph.Subtree(unit.Id, day)).Select(u => u.Id).ToHashSet();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        await writer.WriteLineAsync(string.Join(',', records.Columns.Select(c => c.Column)));
        var rows = await records.ExportAsync(db, subtree, line => writer.WriteLineAsync(line));
        return (rows, subtree.Count);
    }

    private static async Task<long[]> CountAsync(DuckDBConnection duck, string query)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = query;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
    }

    private static async Task ExecuteAsync(DuckDBConnection duck, string sql)
    {
        await using var command = duck.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
