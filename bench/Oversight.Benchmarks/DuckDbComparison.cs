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
using Oversight.Text;

namespace Oversight.Benchmarks;

/// <summary>
/// The province's four case figures (cases received, resolved on time of those resolved, open past their deadline,
/// resolved within jurisdiction) for one period, from Oversight's facts through the API and from DuckDB over the raw
/// case rows exported from the same database, each timed in the same run; prints both times and whether every
/// numerator and denominator agrees. DuckDB counts each figure as the definitions say (<c>RecordSets.Cases</c>: a case
/// received in the period, its state read on the period's last day, or today).
/// </summary>
internal static class DuckDbComparison
{
    private static readonly string[] Codes = ["CIT.CASES", "CIT.ON-TIME", "CIT.OVERDUE", "CIT.RESOLVED-WITHIN-JURISDICTION"];

    private sealed record Figure(string Code, long Numerator, long? Denominator);

    private sealed record Answer(IReadOnlyList<Figure> Values);

    public static async Task RunAsync(IServiceProvider services, string webDll, BenchDatabase database, string token, string unitCode, DateOnly from, DateOnly to, int requests)
    {
        var path = $"/api/v1/units/{unitCode}/indicators?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&" + string.Join('&', Codes.Select(c => $"indicator={c}"));
        IReadOnlyList<Figure> engine;
        List<double> engineTimes;
        await using (var server = await WebBenchmark.WebHost.StartAsync(webDll, database))
        {
            using var api = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            engineTimes = await WebBenchmark.TimeAsync(api, path, requests);
            engine = (await api.GetFromJsonAsync<Answer>(path))!.Values;
        }

        var file = Path.Combine(Path.GetTempPath(), $"oversight-cases-{Guid.NewGuid():N}.csv");
        try
        {
            var clock = Stopwatch.StartNew();
            var (rows, units) = await ExportAsync(services, file, unitCode, from, to);
            Console.WriteLine($"duckdb exported {rows:N0} cases from {database.Provider} in {clock.Elapsed.TotalSeconds:F1} s; the subtree has {units:N0} units");

            await using var duck = new DuckDBConnection("Data Source=:memory:");
            await duck.OpenAsync();
            clock.Restart();
            await ExecuteAsync(duck, $$"""
                CREATE TABLE cases AS SELECT * FROM read_csv('{{file}}', header = true, columns = {
                    'unit_id': 'UUID', 'in_subtree': 'BOOLEAN', 'received_on': 'DATE', 'status': 'VARCHAR', 'within_jurisdiction': 'BOOLEAN',
                    'accepted_on': 'DATE', 'acceptance_due_on': 'DATE', 'due_on': 'DATE', 'closed_on': 'DATE'})
                """);
            Console.WriteLine($"duckdb loaded them in {clock.Elapsed.TotalSeconds:F1} s");

            var day = Min(to, VietnamTime.Today(TimeProvider.System));
            var query = Query(from, to, day);
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

            Figure[] duckFigures =
            [
                new("CIT.CASES", counts[0], null),
                new("CIT.ON-TIME", counts[1], counts[2]),
                new("CIT.OVERDUE", counts[3], null),
                new("CIT.RESOLVED-WITHIN-JURISDICTION", counts[4], counts[5]),
            ];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {"facts engine (API), the four case figures",-44} {Percentiles.Describe(engineTimes)}  {path}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {"DuckDB over the raw rows, the same four",-44} {Percentiles.Describe(duckTimes)}"));
            foreach (var figure in duckFigures)
            {
                var kept = engine.Single(f => f.Code == figure.Code);
                var same = kept.Numerator == figure.Numerator && kept.Denominator == figure.Denominator;
                Console.WriteLine($"duckdb {figure.Code,-34} engine {kept.Numerator:N0}/{kept.Denominator?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"}  DuckDB {figure.Numerator:N0}/{figure.Denominator?.ToString("N0", CultureInfo.InvariantCulture) ?? "-"}  {(same ? "identical" : "DIFFERENT")}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// Writes every case of the database as CSV, with whether its unit is in the subtree of <paramref name="unitCode"/>
    /// as the indicators take it (as it stood on the period's last and first days).
    /// </summary>
    private static async Task<(int Rows, int Units)> ExportAsync(IServiceProvider services, string file, string unitCode, DateOnly from, DateOnly to)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var graph = await scope.ServiceProvider.GetRequiredService<UnitDirectory>().GraphAsync();
        var unit = graph.Find(unitCode, to) ?? graph.Find(unitCode, from) ?? throw new InvalidOperationException($"no unit {unitCode}");
        var subtree = new[] { to, from }.SelectMany(day => graph.Subtree(unit.Id, day)).Select(u => u.Id).ToHashSet();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        await writer.WriteLineAsync("unit_id,in_subtree,received_on,status,within_jurisdiction,accepted_on,acceptance_due_on,due_on,closed_on");
        var rows = 0;
        static string Day(DateOnly? day) => day is { } value ? IsoDate.Format(value) : "";
        await foreach (var c in db.Cases.AsNoTracking()
            .Select(c => new { c.UnitId, c.ReceivedOn, c.Status, c.WithinJurisdiction, c.AcceptedOn, c.AcceptanceDueOn, c.DueOn, c.ClosedOn })
            .AsAsyncEnumerable())
        {
            var within = c.WithinJurisdiction is { } value ? value ? "true" : "false" : "";
            await writer.WriteLineAsync($"{c.UnitId},{(subtree.Contains(c.UnitId) ? "true" : "false")},{Day(c.ReceivedOn)},{WireNames<CaseStatus>.ToWire(c.Status)},{within},{Day(c.AcceptedOn)},{Day(c.AcceptanceDueOn)},{Day(c.DueOn)},{Day(c.ClosedOn)}");
            rows++;
        }

        return (rows, subtree.Count);
    }

    /// <summary>The counts, state read on <paramref name="day"/>: cases; resolved on time, resolved; overdue; within jurisdiction resolved, within jurisdiction.</summary>
    private static string Query(DateOnly from, DateOnly to, DateOnly day)
    {
        var f = $"DATE '{from:yyyy-MM-dd}'";
        var t = $"DATE '{to:yyyy-MM-dd}'";
        var d = $"DATE '{day:yyyy-MM-dd}'";
        var resolved = $"status = 'resolved' AND closed_on <= {d}";
        var open = $"(closed_on IS NULL OR closed_on > {d} OR status IN ('received', 'accepted', 'under-consideration'))";
        return $"""
            SELECT count(*),
                   count(*) FILTER (WHERE {resolved} AND closed_on <= due_on),
                   count(*) FILTER (WHERE {resolved}),
                   count(*) FILTER (WHERE {open} AND (CASE WHEN accepted_on <= {d} THEN due_on ELSE acceptance_due_on END) < {d}),
                   count(*) FILTER (WHERE within_jurisdiction AND {resolved}),
                   count(*) FILTER (WHERE within_jurisdiction)
            FROM cases
            WHERE in_subtree AND received_on BETWEEN {f} AND {t}
            """;
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
