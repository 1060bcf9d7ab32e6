namespace Oversight.Web.Hosting;

/// <summary>
/// Background work done again every <see cref="Interval"/>, each round in a service scope of its own; a round that
/// fails is logged with <see cref="Failure"/> and the next one tries again.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log says when a round fails.</summary>
    protected abstract string Failure { get; }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Failure}", Failure);
            }
        }
    }
}
