using Microsoft.Extensions.Diagnostics.HealthChecks;
using Oversight.Calendar;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Web.Hosting;

/// <summary>
/// Loads, as the web host starts, what a node caches (the unit graph, the working calendar), and says the node is
/// ready once they are and the database answers: a proxy sends requests only to ready nodes. The database is
/// migrated, and the indicators' facts brought up to date, before the host listens at all.
/// </summary>
public sealed class Readiness(IServiceScopeFactory scopes, UnitGraphCache units, WorkingCalendarCache calendar, ILogger<Readiness> logger)
    : BackgroundService, IHealthCheck
{
    public const string Tag = "ready";

    private volatile bool loaded;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!loaded)
        {
            return HealthCheckResult.Unhealthy("loading the unit graph and the calendar");
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OversightDbContext>().Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the database does not answer");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!loaded && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
                await units.GetAsync(db, stoppingToken);
                await calendar.GetAsync(db, stoppingToken);
                loaded = true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Loading the unit graph and the calendar failed; trying again.");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
