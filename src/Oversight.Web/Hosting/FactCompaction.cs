using Oversight.Data;
using Oversight.Indicators;

namespace Oversight.Web.Hosting;

/// <summary>
/// Every few seconds, merges the rows of facts writes have added into one row per bucket and mask (see
/// <see cref="IndicatorFacts.CompactAsync"/>), so that figures read few rows; once a pass, or until no full batch is left
/// after an import. Under steady writes a pass never finds nothing to merge: merging until then kept SQLite's one writer
/// busy merging a few rows at a time, and rewrote the busiest buckets' merged rows many times a second. Safe on every
/// node at once; figures are right with the rows unmerged.
/// </summary>
public sealed class FactCompaction(IServiceScopeFactory scopes, IndicatorFacts facts, ILogger<FactCompaction> logger) : PeriodicWork(scopes, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override string Failure => "Merging the indicators' facts failed.";

    protected override async Task RunAsync(IServiceProvider services, CancellationToken stoppingToken)
    {
        var db = services.GetRequiredService<OversightDbContext>();
        while (await facts.CompactAsync(db, null, stoppingToken))
        {
        }
    }
}
