using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Organisation.ReferenceImport;

namespace Oversight.Benchmarks;

/// <summary>
/// Target: the reference import of all three releases under 10 s on a 2-core machine, on SQLite and on
/// PostgreSQL. Each run imports into a fresh database, then imports again (which must change nothing).
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        Console.WriteLine($"Reference import on {options.DatabaseName}, {options.Runs} fresh databases");
        for (var run = 1; run <= options.Runs; run++)
        {
            await using var database = await BenchDatabase.CreateAsync(options.PostgresServer);
            await using var services = await database.OpenAsync();
            var (first, report) = await ImportAsync(services);
            var (second, again) = await ImportAsync(services);
            if (!report.Succeeded || !again.ChangedNothing)
            {
                Console.Error.WriteLine($"run {run}: import failed or the second import changed something");
                return 1;
            }

            Console.WriteLine($"run {run}: import {first.TotalSeconds:F2} s ({report.Units.Created} units, {report.Versions.Created} versions, {report.LineageEvents.Created} lineage events, {report.LineageLinks.Created} links); again {second.TotalSeconds:F2} s, nothing changed");
        }

        return 0;
    }

    private static async Task<(TimeSpan Elapsed, ReferenceImportReport Report)> ImportAsync(IServiceProvider services)
    {
        await using var scope = BenchDatabase.SystemScope(services);
        var importer = scope.ServiceProvider.GetRequiredService<ReferenceImporter>();
        var clock = Stopwatch.StartNew();
        var report = await importer.ImportAsync();
        return (clock.Elapsed, report);
    }
}
