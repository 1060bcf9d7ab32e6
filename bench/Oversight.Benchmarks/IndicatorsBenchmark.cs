using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Indicators;
using Oversight.Organisation;

namespace Oversight.Benchmarks;

/// <summary>
/// Targets: every shipped indicator for one unit and period under 50 ms on the demo; under 500 ms for the whole of
/// Thành phố Hà Nội (01) with 1,000,000 cases and 100,000 records of each accountability kind in its units; a
/// ranking of Hà Nội's 126 communes and wards on one indicator under 200 ms. Loads the demo and times the indicator
/// API for the demo district and a commune; then writes <c>--cases</c> cases (<see cref="CaseGenerator"/>) and
/// <c>--records</c> accountability records (<see cref="RegistersBenchmark.SeedAsync"/>) over the communes of Hà Nội
/// of the last three years (today's and the older ones), rebuilds the indicator facts from them (the bulk path writes
/// the rows without the saves that keep the facts), with <c>--check</c> counts the last year again from the records
/// to compare, and times the province for one year and for three years, and rankings among today's communes,
/// through the Release web host with a token; then the province's four case figures beside DuckDB over the raw rows
/// (<see cref="DuckDbComparison"/>).
/// </summary>
internal static class IndicatorsBenchmark
{
    private const string Province = "01";

    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer, options.Keep);
        var today = VietnamTime.Today(TimeProvider.System);
        string token;
        await using (var services = await database.OpenAsync())
        {
            await using var scope = BenchDatabase.SystemScope(services);
            if ((await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync()).Outcome != DemoOutcome.Loaded)
            {
                Console.Error.WriteLine("the demo did not load");
                return 1;
            }

            var (created, error) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateTokenAsync("admin", "benchmark");
            token = created ?? throw new InvalidOperationException(error?.Message);
        }

        // The demo's season (Chương Mỹ, 1 Aug 2023 to 19 Jul 2024): the district and one of its communes.
        (string Label, string Path)[] demo =
        [
            ("district 277, demo season", "/api/v1/units/277/indicators?from=2023-08-01&to=2024-07-19"),
            ("commune 10060, demo season", "/api/v1/units/10060/indicators?from=2023-08-01&to=2024-07-19"),
        ];
        await TimeAsync("demo", webDll, database, token, demo, options.Requests);

        await using (var services = await database.OpenAsync())
        {
            var generated = await CaseGenerator.GenerateAsync(services, options.Cases, today, Province);
            Console.WriteLine($"Generated {generated.Cases:N0} cases over {generated.Communes:N0} communes of {Province} (3 years to {today:yyyy-MM-dd}) in {generated.Elapsed.TotalSeconds:F1} s: "
                + $"{generated.Open:N0} open, {generated.Overdue:N0} overdue");
            await CaseGenerator.IndexSearchTextAsync(services, database);
            var clock = Stopwatch.StartNew();
            await RegistersBenchmark.SeedAsync(services, options.Records, Province);
            Console.WriteLine($"Seeded {options.Records:N0} records of each accountability kind over the communes of {Province} in {clock.Elapsed.TotalSeconds:F1} s");
            await RebuildFactsAsync(services, options.Check, today);
            if (database.Provider == DatabaseProvider.PostgreSQL)
            {
                // As autovacuum does some minutes after a bulk load: until the pages are marked all-visible, an
                // index-only scan still reads each row from the table to check it (the province's year took 1.0 s
                // instead of 0.5 s).
                clock.Restart();
                await using var scope = BenchDatabase.SystemScope(services);
                await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
                Console.WriteLine($"Vacuumed in {clock.Elapsed.TotalSeconds:F1} s");
            }
        }

        var year = $"from={today.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var threeYears = $"from={today.AddYears(-3).AddDays(1):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        // Today's Xã Quảng Bị among the communes and wards of Hà Nội, in the first year of the two-level structure.
        const string afterReform = "from=2025-07-01&to=2026-06-30";
        (string Label, string Path)[] scale =
        [
            ($"province {Province}, one year", $"/api/v1/units/{Province}/indicators?{year}"),
            ($"province {Province}, three years", $"/api/v1/units/{Province}/indicators?{threeYears}"),
            ("ranking of 10072 on CIT.ON-TIME (cases)", $"/api/v1/units/10072/rankings?indicator=CIT.ON-TIME&{afterReform}"),
            ("ranking of 10072 on FUP.TASKS-DONE (tasks)", $"/api/v1/units/10072/rankings?indicator=FUP.TASKS-DONE&{afterReform}"),
            ("ranking of 10072 on DSC.TOTAL (discipline)", $"/api/v1/units/10072/rankings?indicator=DSC.TOTAL&{afterReform}"),
            ("district 277, demo season", demo[0].Path),
            ("commune 10060, demo season", demo[1].Path),
        ];
        await using (var services = await database.OpenAsync())
        {
            // While records change: before each request another process (this one) corrects a case of the province,
            // whose save rewrites that case's facts in its transaction.
            var changing = await ChangingCaseAsync(services);
            await TimeAsync("scale", webDll, database, token, scale, options.Requests, ($"province {Province}, one year, a case changed before each", scale[0].Path, changing));
            await DuckDbComparison.RunAsync(services, webDll, database, token, DuckDbComparison.Cases, Province, today.AddYears(-1).AddDays(1), today, options.Requests);
        }

        return 0;
    }

    /// <summary>Times each request after a first one (the first after the web host started: nothing warmed up yet), then one more with a change before each.</summary>
    internal static async Task TimeAsync(
        string phase, string webDll, BenchDatabase database, string token, (string Label, string Path)[] requests, int count, (string Label, string Path, Func<Task> Change)? changing = null)
    {
        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        using var api = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = server.ResidentMebibytes;
        var clock = Stopwatch.StartNew();
        (await api.GetAsync(requests[0].Path)).EnsureSuccessStatusCode();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-5} {"first request after start",-44} {clock.Elapsed.TotalMilliseconds:F0} ms  {requests[0].Path}  ({started:N0} MiB before, {server.ResidentMebibytes:N0} after)"));
        foreach (var (label, path) in requests)
        {
            var times = await WebBenchmark.TimeAsync(api, path, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-5} {label,-44} {Percentiles.Describe(times)}  {path}  ({server.ResidentMebibytes:N0} MiB after)"));
        }

        if (changing is { } c)
        {
            var times = await WebBenchmark.TimeAsync(api, c.Path, count, c.Change);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-5} {c.Label,-44} {Percentiles.Describe(times)}  {c.Path}"));
        }

        Console.WriteLine($"{phase,-5} web host resident memory: {server.ResidentMebibytes:N0} MiB");
    }

    /// <summary>
    /// Builds every record set's facts again from the records, as the bulk path wrote them without the saves that keep
    /// the facts current; prints the time and the rows of facts. When <paramref name="check"/>, counts the figures of
    /// the last year to <paramref name="today"/> again from the records for every unit and prints where they differ from
    /// the facts.
    /// </summary>
    private static async Task RebuildFactsAsync(IServiceProvider services, bool check, DateOnly today)
    {
        var facts = services.GetRequiredService<IndicatorFacts>();
        var clock = Stopwatch.StartNew();
        await using (var scope = BenchDatabase.SystemScope(services))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            await facts.RebuildAsync(db, null, staleOnly: false, TimeProvider.System, CancellationToken.None);
            Console.WriteLine($"Rebuilt the facts in {clock.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"IndicatorFacts: {await db.Set<IndicatorFact>().LongCountAsync():N0} rows");
        }

        if (!check)
        {
            return;
        }

        clock.Restart();
        await using (var scope = BenchDatabase.SystemScope(services))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var period = IndicatorPeriod.Of(today.AddYears(-1).AddDays(1), today, today);
            var differences = await facts.CheckAsync(db, period, null, CancellationToken.None);
            Console.WriteLine($"Checked the facts of {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd} against the records, every unit, in {clock.Elapsed.TotalSeconds:F1} s: {differences.Count:N0} differences");
            foreach (var (quantity, unitId, kept, recounted) in differences.Take(20))
            {
                Console.WriteLine($"  {quantity} unit {unitId}: facts {kept:N0}, records {recounted:N0}");
            }
        }
    }

    /// <summary>A change to make before a request: marks the next of 1,000 cases of the province complex, or not, through an audited save.</summary>
    private static async Task<Func<Task>> ChangingCaseAsync(IServiceProvider services)
    {
        List<Guid> ids;
        await using (var scope = BenchDatabase.SystemScope(services))
        {
            ids = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Cases
                .OrderByDescending(c => c.ReceivedOn).Select(c => c.Id).Take(1_000).ToListAsync();
        }

        var next = 0;
        return async () =>
        {
            await using var scope = BenchDatabase.SystemScope(services);
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var id = ids[next++ % ids.Count];
            var changed = await db.Cases.SingleAsync(c => c.Id == id);
            changed.Complex = !changed.Complex;
            await db.SaveChangesAsync();
        };
    }
}
