using Oversight.Data;
using Oversight.Petitions;

namespace Oversight.Web.Hosting;

/// <summary>On SQLite, brings the cases' trigram index up to date every few seconds (see <see cref="CaseSearchIndex"/>).</summary>
public sealed class CaseSearchIndexing(IServiceScopeFactory scopes, ILogger<CaseSearchIndexing> logger) : BackgroundService
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
                await CaseSearchIndex.CatchUpAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A search still finds the pending cases; the next tick tries again.
                logger.LogError(exception, "Indexing the cases' search text failed.");
            }
        }
    }
}
