using Oversight.Imports;

namespace Oversight.Web.Hosting;

/// <summary>Every second, runs the import jobs waiting, one after another (see <see cref="ImportJobs.RunNextAsync"/>); every node does.</summary>
public sealed class ImportJobRunning(IServiceProvider services, ILogger<ImportJobRunning> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await ImportJobs.RunNextAsync(services, logger, stoppingToken))
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A job not finished keeps its lease until it lapses, then runs again from the start.
                logger.LogError(exception, "Running import jobs failed.");
            }
        }
    }
}
