using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Demo;
using Oversight.Organisation;

namespace Oversight.Benchmarks;

/// <summary>
/// Targets: every shipped indicator for one unit and period under 50 ms on the demo; under 500 ms for the whole of
/// Thành phố Hà Nội (01) with 1,000,000 cases and 100,000 records of each accountability kind in its units; a
/// ranking of Hà Nội's 126 communes and wards on one indicator under 200 ms. Loads the demo and times the indicator
/// API for the demo district and a commune; then writes <c>--cases</c> cases (<see cref="CaseGenerator"/>) and
/// <c>--records</c> accountability records (<see cref="RegistersBenchmark.SeedAsync"/>) over the communes of Hà Nội
/// of the last three years (today's and the older ones), and times the province for one year and for three years,
/// and rankings among today's communes, through the Release web host with a token.
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
        await TimeAsync("scale", webDll, database, token, scale, options.Requests);
        return 0;
    }

    private static async Task TimeAsync(string phase, string webDll, BenchDatabase database, string token, (string Label, string Path)[] requests, int count)
    {
        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        using var api = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (label, path) in requests)
        {
            var times = await WebBenchmark.TimeAsync(api, path, count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase,-5} {label,-44} {Percentiles.Describe(times)}  {path}"));
        }
    }
}
