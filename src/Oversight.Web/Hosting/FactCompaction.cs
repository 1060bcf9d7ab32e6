using Oversight.Data;
using Oversight.Indicators;

namespace Oversight.Web.Hosting;

/// <summary>
/// Every few seconds, merges the rows of facts writes have added into one row per bucket and mask (see
/// <see cref="IndicatorFacts.CompactAsync"/>), so that figures read few rows. Safe on every node at once.
/// </summary>
public sealed class FactCompaction(IServiceScopeFactory scopes, IndicatorFacts facts, ILogger<FactCompaction> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
                while (await facts.CompactAsync(db, null, stoppingToken) > 0)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Figures are right with the rows unmerged; the next tick tries again.
                logger.LogError(exception, "Merging the indicators' facts failed.");
            }
        }
    }
}
