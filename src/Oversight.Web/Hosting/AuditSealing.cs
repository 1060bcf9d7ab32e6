using Oversight.Audit;

namespace Oversight.Web.Hosting;

/// <summary>
/// Every second, seals the audit entries committed since into the hash chain (see <see cref="AuditSealer"/>); one node
/// at a time does. Entries not sealed stay committed.
/// </summary>
public sealed class AuditSealing(IServiceScopeFactory scopes, ILogger<AuditSealing> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override string Failure => "Sealing the audit chain failed.";

    protected override Task RunAsync(IServiceProvider services, CancellationToken stoppingToken) =>
        services.GetRequiredService<AuditSealer>().SealAllAsync(stoppingToken);
}
