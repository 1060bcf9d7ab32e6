using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;

namespace Oversight.Indicators;

/// <summary>
/// A quantity whose kept facts and recount from the records differ for one unit's own records (or for a key of facts
/// rolled up under it) over a period: the indicator's code (with " denominator" for its denominator) or the validation rule's.
/// </summary>
public sealed record FactDifference(string Quantity, string UnitCode, string UnitName, IndicatorPeriod Period, long Kept, long Recounted);

public sealed record FactCheckResult(IReadOnlyList<IndicatorPeriod> Periods, IReadOnlyList<FactDifference> Differences);

/// <summary>Checks the kept facts against a recount from the records, and rebuilds them (<c>oversight indicators check|rebuild</c>).</summary>
public sealed class FactCheck(CallerScope scope, OversightDbContext db, IndicatorFacts facts, TimeProvider time)
{
    /// <summary>
    /// Recounts every quantity of the definitions for each unit of the subtree of <paramref name="unitCode"/> (every
    /// unit when null) from the records, and compares it with the kept facts, over the period given or, without one,
    /// over each calendar year with records, the 15 February – 14 November of each (read from days and months rather
    /// than years) and the whole span up to today. Null when the unit does not exist for the caller.
    /// </summary>
    public async Task<FactCheckResult?> CheckAsync(string? unitCode, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        db.Database.SetCommandTimeout(IndicatorFacts.WholeSetStatementTimeout);
        var today = VietnamTime.Today(time);
        var periods = from is { } first && to is { } last
            ? [IndicatorPeriod.Of(first, last, today)]
            : await DefaultPeriodsAsync(today, cancellationToken);
        var graph = await scope.GraphAsync(cancellationToken);
        if (SubtreeUnits.Resolve(graph, await scope.FilterAsync(cancellationToken), unitCode, periods.SelectMany(p => new[] { p.To, p.From }).Distinct().ToList()) is not { } units)
        {
            return null;
        }

        var differences = new List<FactDifference>();
        foreach (var period in periods)
        {
            foreach (var (quantity, owner, kept, recounted) in await facts.CheckAsync(db, period, units.UnitIds, cancellationToken))
            {
                var unit = graph.At(owner.Root, period.To) ?? graph.Latest(owner.Root);
                differences.Add(new FactDifference(
                    owner.Rollup == 0 ? quantity : $"{quantity} (rolled up, key {owner.Rollup})",
                    unit?.Code ?? owner.Root.ToString(),
                    unit?.Name ?? string.Empty,
                    period,
                    kept,
                    recounted));
            }
        }

        return new FactCheckResult(periods, differences);
    }

    /// <summary>Builds every set's facts again from the records.</summary>
    public Task<IReadOnlyList<IRecordSet>> RebuildAsync(CancellationToken cancellationToken) =>
        facts.RebuildAsync(db, null, staleOnly: false, time, cancellationToken);

    private async Task<IReadOnlyList<IndicatorPeriod>> DefaultPeriodsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var firstDay = await db.Set<IndicatorFact>().Where(f => f.Axis == FactAxis.Cohort && f.Level == FactBuckets.Year).MinAsync(f => (DateOnly?)f.Day, cancellationToken);
        var firstYear = Math.Min(firstDay?.Year ?? today.Year, today.Year);
        var periods = new List<IndicatorPeriod>();
        for (var year = firstYear; year <= today.Year; year++)
        {
            periods.Add(IndicatorPeriod.Of(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), today));
            periods.Add(IndicatorPeriod.Of(new DateOnly(year, 2, 15), new DateOnly(year, 11, 14), today));
        }

        periods.Add(IndicatorPeriod.Of(new DateOnly(firstYear, 1, 1), today, today));
        return periods;
    }
}
