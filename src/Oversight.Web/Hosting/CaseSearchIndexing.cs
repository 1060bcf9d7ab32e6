using Oversight.Data;
using Oversight.Petitions;

namespace Oversight.Web.Hosting;

/// <summary>
/// On SQLite, brings the cases' trigram index up to date every few seconds (see <see cref="CaseSearchIndex"/>); a
/// search still finds the pending cases meanwhile.
/// </summary>
public sealed class CaseSearchIndexing(IServiceScopeFactory scopes, ILogger<CaseSearchIndexing> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override string Failure => "Indexing the cases' search text failed.";

    protected override Task RunAsync(IServiceProvider services, CancellationToken stoppingToken) =>
        CaseSearchIndex.CatchUpAsync(services.GetRequiredService<OversightDbContext>(), stoppingToken);
}
