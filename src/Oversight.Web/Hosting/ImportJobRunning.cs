using Oversight.Imports;

namespace Oversight.Web.Hosting;

/// <summary>
/// Every second, runs the import jobs waiting, one after another (see <see cref="ImportJobs.RunNextAsync"/>); every
/// node does. A job not finished keeps its lease until it lapses, then runs again from the start.
/// </summary>
public sealed class ImportJobRunning(IServiceScopeFactory scopes, ILogger<ImportJobRunning> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string Failure => "Running import jobs failed.";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        while (await ImportJobs.RunNextAsync(services, logger, stoppingToken))
        {
        }
    }
}
