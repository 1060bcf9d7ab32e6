using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Demo;
using Oversight.Organisation;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: at least 1,000 cases a second created through <c>POST /api/v1/cases</c> (bearer token), sustained, on
/// SQLite with durable commits, client on loopback. Loads the demo, starts the Release web host as its own process,
/// and for each concurrency level keeps that many requests in flight for <c>--seconds</c> (after a short warm-up),
/// as the demo's district officer recording cases in the district's communes. Then checks the audit chain.
/// </summary>
internal static class CaseCreateBenchmark
{
    private static readonly string[] Kinds = ["petition", "petition", "petition", "complaint", "complaint", "second-complaint", "denunciation"];

    private static readonly string[] Channels = ["reception-session", "mail", "mail", "app", "forwarded-in"];

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
        var receivedOn = new DateOnly(2024, 5, 10);
        string? token;
        string[] communes;
        await using (var services = await database.OpenAsync())
        {
            await using var scope = BenchDatabase.SystemScope(services);
            var result = await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync();
            if (result.Outcome != DemoOutcome.Loaded)
            {
                Console.Error.WriteLine($"demo did not load: {result.Error?.Message}");
                return 1;
            }

            (token, var error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync("officer", "benchmark");
            if (token is null)
            {
                Console.Error.WriteLine(error?.Message);
                return 1;
            }

            var graph = await scope.ServiceProvider.GetRequiredService<CallerScope>().GraphAsync();
            var district = graph.Find(DemoBodies.DistrictCode, receivedOn)!;
            communes = graph.Children(district.Id, receivedOn).Where(u => u.Kind is UnitKind.Commune or UnitKind.Town).Select(u => u.Code).ToArray();
        }

        Console.WriteLine($"Case creation on {options.DatabaseName}: {Durability(database)}; {communes.Length} communes of the demo district, officer's token");
        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        // Long enough for tiered compilation to settle: the target is a sustained rate.
        await RunLevelAsync(server, token, communes, receivedOn, options.Concurrency.Max(), TimeSpan.FromSeconds(10), measure: false);
        foreach (var concurrency in options.Concurrency)
        {
            await RunLevelAsync(server, token, communes, receivedOn, concurrency, TimeSpan.FromSeconds(2), measure: false);
            await RunLevelAsync(server, token, communes, receivedOn, concurrency, TimeSpan.FromSeconds(options.Seconds), measure: true);
            await RunFloorAsync(server, concurrency, TimeSpan.FromSeconds(options.Seconds));
        }

        await using (var services = await database.OpenAsync())
        {
            await using var scope = BenchDatabase.SystemScope(services);
            var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
            Console.WriteLine($"Audit chain: {verification.EntriesChecked:N0} entries, {(verification.IsIntact ? "intact" : $"BROKEN at {verification.BrokenAt}: {verification.Problem}")}");
        }

        return 0;
    }

    /// <summary>Keeps <paramref name="concurrency"/> creations in flight for <paramref name="duration"/>; prints the figures unless it is a warm-up.</summary>
    private static async Task RunLevelAsync(WebBenchmark.WebHost server, string token, string[] communes, DateOnly receivedOn, int concurrency, TimeSpan duration, bool measure)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var latencies = new List<double>[concurrency];
        var failures = 0;
        string? firstFailure = null;
        var processorTime = server.ProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var times = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var kind = Kinds[random.Next(Kinds.Length)];
                var request = new
                {
                    kind,
                    unit = communes[random.Next(communes.Length)],
                    receivedOn = receivedOn.AddDays(random.Next(-100, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    channel = Channels[random.Next(Channels.Length)],
                    subject = "Đề nghị sửa chữa đường liên thôn bị xuống cấp",
                    content = "Công dân phản ánh đường liên thôn bị hư hỏng nặng sau mùa mưa, đề nghị Ủy ban nhân dân xã xem xét sửa chữa.",
                    petitioner = new { name = "Nguyễn Văn Hùng", address = $"Thôn {random.Next(1, 12)}", phone = "0912345678" },
                };
                var started = clock.Elapsed;
                using var response = await client.PostAsJsonAsync("/api/v1/cases", request);
                await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    times.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else if (Interlocked.Increment(ref failures) == 1)
                {
                    firstFailure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var hostMilliseconds = (server.ProcessorTime - processorTime).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).ToList();
        if (measure)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrency {concurrency,3}: {all.Count,7:N0} created in {elapsed:F1} s = {all.Count / elapsed,7:N0} cases/s; web host CPU {hostMilliseconds / Math.Max(1, all.Count):F2} ms a case; latency {Percentiles.Describe(all)}; {failures} failed{(firstFailure is null ? "" : $" (first: {firstFailure})")}"));
        }

    }

    /// <summary>
    /// The same client, at the same concurrency, against <c>GET /health</c>, which touches no data: what this machine's
    /// web host and client reach doing nothing else, the ceiling for the creation rate.
    /// </summary>
    private static async Task RunFloorAsync(WebBenchmark.WebHost server, int concurrency, TimeSpan duration)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = server.BaseAddress };
        var answered = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await client.GetAsync("/health");
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref answered);
            }
        })));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"               same client, GET /health: {answered / clock.Elapsed.TotalSeconds,7:N0} requests/s"));
    }

    /// <summary>What a commit on this database promises.</summary>
    private static string Durability(BenchDatabase database)
    {
        if (database.Provider != Data.DatabaseProvider.Sqlite)
        {
            // As the server is set, not as it ships: a throwaway server for benchmarks may run without fsync.
            using var server = new Npgsql.NpgsqlConnection(database.ConnectionString);
            server.Open();
            string Setting(string name)
            {
                using var show = new Npgsql.NpgsqlCommand($"SHOW {name}", server);
                return (string)show.ExecuteScalar()!;
            }

            return $"PostgreSQL fsync={Setting("fsync")}, synchronous_commit={Setting("synchronous_commit")}";
        }

        using var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return $"SQLite journal_mode={command.ExecuteScalar()}, every commit answered after the log holding it is flushed to disk (WriteTransaction: group commit)";
    }
}
