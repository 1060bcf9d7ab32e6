using Microsoft.Extensions.DependencyInjection;
using Oversight.Demo;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: the full report (DOCX) for Chương Mỹ under 2 s. Loads the demo, starts the Release web host and times the
/// download of the seed report, 2023-08-01..2024-07-19, in Vietnamese, as DOCX (and as PDF), signed in as the
/// district leader: every figure, the ranking among Hà Nội's districts, the reconciliation of the 30 claims and the
/// annex of records, built and written per request.
/// </summary>
internal static class ReportBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var webDll = WebBenchmark.FindWebBuild();
        await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
        await using (var services = await database.OpenAsync())
        {
            await using var scope = BenchDatabase.SystemScope(services);
            if ((await scope.ServiceProvider.GetRequiredService<DemoScenario>().LoadAsync()).Outcome != DemoOutcome.Loaded)
            {
                Console.Error.WriteLine("the demo did not load");
                return 1;
            }
        }

        await using var server = await WebBenchmark.WebHost.StartAsync(webDll, database);
        using var browser = await WebBenchmark.SignInAsync(server.BaseAddress, "leader", DemoScenario.Accounts.Single(a => a.UserName == "leader").Password);
        foreach (var format in new[] { "docx", "pdf" })
        {
            var path = $"/reports?unit=277&from=2023-08-01&to=2024-07-19&lang=vi&format={format}";
            Console.WriteLine($"report of 277 as {format} on {options.DatabaseName}: {Percentiles.Describe(await WebBenchmark.TimeAsync(browser, path, options.Requests))}");
        }

        return 0;
    }
}
