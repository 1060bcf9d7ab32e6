using Oversight.Audit;

namespace Oversight.Web.Hosting;

/// <summary>Every second, seals the audit entries committed since into the hash chain (see <see cref="AuditSealer"/>); one node at a time does.</summary>
public sealed class AuditSealing(IServiceScopeFactory scopes, ILogger<AuditSealing> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The entries stay unsealed, and committed; the next tick tries again.
                logger.LogError(exception, "Sealing the audit chain failed.");
            }
        }
    }
}
