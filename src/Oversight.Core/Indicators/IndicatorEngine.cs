using System.Globalization;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Indicators;

/// <summary>Which structure a unit's subtree is taken in: as it stood in the period, or today's, with past records mapped through lineage.</summary>
public enum IndicatorStructure
{
    AsOf,
    Today,
}

/// <summary>An indicator's numerator and denominator (null for a count) over some records, and its value.</summary>
public sealed record IndicatorValue(IndicatorDefinition Definition, long Numerator, long? Denominator)
{
    /// <summary>The count, the percentage or the average; null when the denominator is 0.</summary>
    public double? Value => Definition.ValueOf(Numerator, Denominator);

    /// <summary>
    /// The period had records to count: a rate or an average with something to divide by, a count above zero. A
    /// period without any is no ground for "better" or "worse" than it.
    /// </summary>
    public bool HasData => Denominator is { } denominator ? denominator > 0 : Numerator != 0;

    /// <summary>The value as the culture writes it (the current culture when none is given): <c>1.240</c> or <c>81,8%</c>; a dash when there is nothing to divide by.</summary>
    public string Display(CultureInfo? culture = null) => Value is not { } number ? "—"
        : Definition.Unit switch
        {
            IndicatorUnit.Percent => Formats.Percentage(number, 1, culture),
            IndicatorUnit.Average => Formats.Decimal(number, 2, culture),
            _ => Formats.Number(Numerator, culture),
        };
}

/// <summary>The values over the records of a unit only part of which went into today's unit: shown apart, never assigned.</summary>
public sealed record PartialShare(UnitSnapshot From, IReadOnlyList<IndicatorValue> Values);

public sealed record UnitIndicators(
    UnitSnapshot Unit,
    IndicatorPeriod Period,
    IndicatorStructure Structure,
    IReadOnlyList<IndicatorValue> Values,
    IReadOnlyList<PartialShare> PartialShares)
{
    /// <summary>The value of the indicator with <paramref name="code"/>, which was asked for.</summary>
    public IndicatorValue Of(string code) => Values.First(v => v.Definition.Code == code);
}

/// <summary>
/// One unit's value among its peers, now and in the previous period of the same length. A rank is 1 for the best;
/// peers with equal values share a rank; a unit without a value (nothing to divide by) has none. The values are null
/// when they are withheld from the caller (<see cref="PeerVisibility"/>); the ranks are given all the same.
/// </summary>
public sealed record PeerValue(UnitSnapshot Unit, IndicatorValue? Current, int? Rank, IndicatorValue? Previous, int? PreviousRank)
{
    /// <summary>Whether this peer's values are kept from the caller.</summary>
    public bool Withheld => Current is null;
}

/// <summary>
/// The units of the same kind (<see cref="UnitKinds.IsPeerOf"/>) under the same parent, ranked on one indicator. It
/// tells peers apart when at least two peers have records counting towards the indicator and they differ on it (a
/// peer without records would otherwise rank as if it had none of what is counted), found on every peer's values,
/// withheld or not.
/// </summary>
public sealed record Ranking(UnitSnapshot Unit, IndicatorDefinition Indicator, IndicatorPeriod Period, IndicatorPeriod PreviousPeriod, IReadOnlyList<PeerValue> Peers, bool TellsPeersApart)
{
    /// <summary>The unit's own place, whose values are never withheld: the unit lies in the caller's scope.</summary>
    public PeerValue Own => Peers.First(p => p.Unit.Id == Unit.Id);

    /// <summary>The share of the other ranked peers the unit does better than, 0–100; null when it has no rank or no ranked peer.</summary>
    public double? Percentile
    {
        get
        {
            var ranked = Peers.Count(p => p.Rank is not null);
            return Own.Rank is { } rank && ranked > 1 ? 100.0 * Peers.Count(p => p.Rank > rank) / (ranked - 1) : null;
        }
    }
}

/// <summary>Where a unit ranks on every indicator, and on those that tell peers apart its five best and five worst.</summary>
public sealed record RankingProfile(UnitSnapshot Unit, IndicatorPeriod Period, IReadOnlyList<Ranking> Rankings)
{
    /// <summary>The rankings that say something: the unit has a rank, and the ranking tells peers apart (<see cref="Ranking.TellsPeersApart"/>).</summary>
    public IReadOnlyList<Ranking> Telling { get; } = Rankings.Where(r => r.Percentile is not null && r.TellsPeersApart).ToArray();

    public IReadOnlyList<Ranking> Best => Telling.OrderByDescending(r => r.Percentile).Take(5).ToArray();

    public IReadOnlyList<Ranking> Worst => Telling.OrderBy(r => r.Percentile).Take(5).ToArray();
}

/// <summary>The records behind one part of a figure, with the path of the pages that show them.</summary>
public sealed record IndicatorRecords(UnitSnapshot Unit, IndicatorDefinition Indicator, bool Denominator, string PagePath, IReadOnlyList<RecordFacts> Records, bool More);

/// <summary>
/// Computes every figure Oversight shows from the indicator definitions: for a unit's subtree and a period, for each
/// of several units (peers, children), and the records behind each figure.
/// </summary>
/// <remarks>
/// Values are sums of the facts kept in the database (<see cref="IndicatorFacts"/>), which every write changes in its
/// own transaction: a change to a record shows in the next request, on every node.
/// A unit's own figures keep to the caller's scope. Peers in a ranking are compared on all their records, since a
/// unit needs to know where it stands; their records stay out of reach, and their values are shown as the indicator's
/// <see cref="PeerVisibility"/> allows: a commune's officer sees where the commune ranks on denunciations, not how many
/// the other communes received.
/// </remarks>
public sealed class IndicatorEngine(Caller caller, CallerScope scope, OversightDbContext db, IndicatorFacts facts, TimeProvider time, IndicatorCatalog catalog)
{
    public IndicatorCatalog Catalog => catalog;

    public IndicatorPeriod Period(DateOnly from, DateOnly to) => IndicatorPeriod.Of(from, to, VietnamTime.Today(time));

    /// <summary>
    /// The values of <paramref name="indicators"/> (the headline ones when null) for the subtree of the unit carrying
    /// <paramref name="unitCode"/>; null when the unit does not exist then (today, for today's structure) for the caller.
    /// </summary>
    public async Task<UnitIndicators?> ForUnitAsync(
        string unitCode, DateOnly from, DateOnly to, IndicatorStructure structure, IReadOnlyList<IndicatorDefinition>? indicators = null, CancellationToken cancellationToken = default)
    {
        var period = Period(from, to);
        if (await CoverAsync(unitCode, period, structure, cancellationToken) is not { } coverage)
        {
            return null;
        }

        indicators ??= catalog.Headline;
        var sums = await SumAsync(indicators, period, Groups(coverage), cancellationToken);
        return new UnitIndicators(
            coverage.Unit,
            period,
            structure,
            ValuesOf(indicators, sums, 0),
            coverage.Partial.Select((s, i) => new PartialShare(s.From, ValuesOf(indicators, sums, i + 1))).ToArray());
    }

    /// <summary>
    /// The values for each of <paramref name="units"/> (each its subtree in the period), without the caller's scope: for
    /// units whose values the caller may see (those under a unit in scope), or for ranks that withhold them.
    /// </summary>
    public async Task<IReadOnlyList<(UnitSnapshot Unit, IReadOnlyList<IndicatorValue> Values)>> ForEachAsync(
        IReadOnlyList<UnitSnapshot> units, IndicatorPeriod period, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var groups = new Dictionary<Guid, int>();
        foreach (var (unit, index) in units.Select((u, i) => (u, i)))
        {
            foreach (var member in new[] { period.To, period.From }.SelectMany(day => graph.Subtree(unit.Id, day)))
            {
                groups.TryAdd(member.Id, index);
            }
        }

        var sums = await SumAsync(indicators, period, groups, cancellationToken);
        return units.Select((unit, index) => (unit, (IReadOnlyList<IndicatorValue>)ValuesOf(indicators, sums, index))).ToArray();
    }

    /// <summary>
    /// The units of the same kind (<see cref="UnitKinds.IsPeerOf"/>) under the same parent as the unit carrying
    /// <paramref name="unitCode"/> at the end of the period, ranked on <paramref name="indicators"/>, each peer's values
    /// withheld where the indicator's <see cref="PeerVisibility"/> keeps them from the caller; null when the unit does
    /// not exist then for the caller.
    /// </summary>
    public async Task<IReadOnlyList<Ranking>?> RankAsync(string unitCode, DateOnly from, DateOnly to, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken cancellationToken = default)
    {
        var period = Period(from, to);
        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        if (graph.Find(unitCode, period.To) is not { } unit || !filter.Contains(unit.Id))
        {
            return null;
        }

        var peers = unit.ParentId is { } parent
            ? graph.Children(parent, period.To).Where(p => p.Kind.IsPeerOf(unit.Kind)).ToArray()
            : [unit];
        var previous = period.Previous();
        var now = await ForEachAsync(peers, period, indicators, cancellationToken);
        var before = await ForEachAsync(peers, previous, indicators, cancellationToken);
        return indicators.Select((indicator, index) =>
        {
            var current = now.Select(p => p.Values[index]).ToArray();
            var earlier = before.Select(p => p.Values[index]).ToArray();
            var ranks = Ranks(indicator, current);
            var previousRanks = Ranks(indicator, earlier);
            var values = peers.Select((peer, i) => Shows(indicator, peer, filter)
                    ? new PeerValue(peer, current[i], ranks[i], earlier[i], previousRanks[i])
                    : new PeerValue(peer, null, ranks[i], null, previousRanks[i]))
                .OrderBy(p => p.Rank ?? int.MaxValue).ThenBy(p => p.Unit.Code, StringComparer.Ordinal).ToArray();
            var tells = current.Count(v => (v.Denominator ?? v.Numerator) > 0) >= 2 && current.Select(v => v.Value).Distinct().Count() > 1;
            return new Ranking(unit, indicator, period, previous, values, tells);
        }).ToArray();
    }

    /// <summary>Where the unit ranks on every indicator, with its best and worst five.</summary>
    public async Task<RankingProfile?> ProfileAsync(string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        await RankAsync(unitCode, from, to, catalog.Headline, cancellationToken) is { } rankings
            ? new RankingProfile(rankings[0].Unit, rankings[0].Period, rankings)
            : null;

    /// <summary>The records counted in an indicator's numerator (or denominator) for the unit's subtree, in date order, at most <paramref name="limit"/>.</summary>
    public async Task<IndicatorRecords?> RecordsAsync(
        string unitCode, IndicatorDefinition indicator, bool denominator, DateOnly from, DateOnly to, IndicatorStructure structure, int limit, CancellationToken cancellationToken = default)
    {
        var period = Period(from, to);
        var quantity = denominator ? indicator.Denominator : indicator.Numerator;
        if (quantity is null || await CoverAsync(unitCode, period, structure, cancellationToken) is not { } coverage)
        {
            return null;
        }

        var records = new List<RecordFacts>();
        await foreach (var record in facts.RecordsAsync(db, quantity.Records, period, coverage.Whole, quantity.Records.Matches(quantity.Filter), cancellationToken))
        {
            records.Add(record);
            if (records.Count > limit)
            {
                break;
            }
        }

        return new IndicatorRecords(coverage.Unit, indicator, denominator, quantity.Records.PagePath, records.Take(limit).ToArray(), records.Count > limit);
    }

    /// <summary>Whether the caller sees a peer's values: always within their scope, beyond it as the indicator's <see cref="PeerVisibility"/> says.</summary>
    private bool Shows(IndicatorDefinition indicator, UnitSnapshot peer, ScopeFilter filter) =>
        filter.Contains(peer.Id) || indicator.PeerVisibility switch
        {
            PeerVisibility.Public => true,
            PeerVisibility.Peers => caller.IsInRole(Roles.Leader) || caller.IsInRole(Roles.Inspector),
            _ => false,
        };

    private static int?[] Ranks(IndicatorDefinition indicator, IReadOnlyList<IndicatorValue> values)
    {
        var ranks = new int?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value is { } value)
            {
                ranks[i] = 1 + values.Count(other => other.Value is { } otherValue && indicator.Compare(otherValue, value) > 0);
            }
        }

        return ranks;
    }

    /// <summary>Group 0 for the unit's own records, group i + 1 for the records of partial share i; null when every unit counts for the unit.</summary>
    private static Dictionary<Guid, int>? Groups(Coverage coverage)
    {
        if (coverage.Whole is null)
        {
            return null;
        }

        var groups = new Dictionary<Guid, int>();
        foreach (var (share, index) in coverage.Partial.Select((s, i) => (s, i)))
        {
            foreach (var id in share.Units)
            {
                groups[id] = index + 1;
            }
        }

        foreach (var id in coverage.Whole)
        {
            groups[id] = 0;
        }

        return groups;
    }

    private static IndicatorValue[] ValuesOf(IReadOnlyList<IndicatorDefinition> indicators, Dictionary<int, long[]> sums, int group)
    {
        var row = sums.GetValueOrDefault(group);
        return indicators.Select((indicator, i) => new IndicatorValue(
            indicator,
            row?[2 * i] ?? 0,
            indicator.Denominator is null ? null : row?[2 * i + 1] ?? 0)).ToArray();
    }

    /// <summary>
    /// Sums every indicator's numerator and denominator per group of units: row[2i] and row[2i + 1] for indicator i.
    /// With no groups, every unit's records go to group 0.
    /// </summary>
    private async Task<Dictionary<int, long[]>> SumAsync(
        IReadOnlyList<IndicatorDefinition> indicators, IndicatorPeriod period, IReadOnlyDictionary<Guid, int>? groups, CancellationToken cancellationToken)
    {
        var sets = indicators.SelectMany(i => new[] { i.Numerator, i.Denominator }).OfType<Quantity>().Select(q => q.Records).Distinct();
        var totals = (await facts.TotalsAsync(db, await scope.GraphAsync(cancellationToken), sets, period, groups, cancellationToken)).GroupBy(t => t.Group);
        var sums = new Dictionary<int, long[]>();
        foreach (var group in totals)
        {
            var row = sums[group.Key] = new long[2 * indicators.Count];
            for (var i = 0; i < indicators.Count; i++)
            {
                row[2 * i] = facts.ValueOf(indicators[i].Numerator, group);
                row[2 * i + 1] = indicators[i].Denominator is { } denominator ? facts.ValueOf(denominator, group) : 0;
            }
        }

        return sums;
    }

    /// <summary>The units whose records make up a unit's figures: its subtree in the period, or what today's unit is made of; within the caller's scope.</summary>
    private async Task<Coverage?> CoverAsync(string unitCode, IndicatorPeriod period, IndicatorStructure structure, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        if (structure == IndicatorStructure.AsOf)
        {
            return SubtreeUnits.Resolve(graph, filter, unitCode, [period.To, period.From]) is { Unit: { } unit } units
                ? new Coverage(unit, units.UnitIds, [])
                : null;
        }

        if (graph.Find(unitCode, VietnamTime.Today(time)) is not { } today || !filter.Contains(today.Id))
        {
            return null;
        }

        var composition = graph.Composition(today.Id);
        return new Coverage(
            today,
            composition.Whole.Where(filter.Contains).ToHashSet(),
            composition.Partial.Select(p => (p.From, (IReadOnlySet<Guid>)p.Units.Where(filter.Contains).ToHashSet())).Where(p => p.Item2.Count > 0).ToArray());
    }

    private sealed record Coverage(UnitSnapshot Unit, IReadOnlySet<Guid>? Whole, IReadOnlyList<(UnitSnapshot From, IReadOnlySet<Guid> Units)> Partial);
}
