using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;

namespace Oversight.Scores;

/// <summary>
/// A unit's place among its peers on one component (or the total) of an index year: its score, its rank (1 for the
/// highest; equal scores share a rank; none without a score), how many peers are ranked, and the peers' median.
/// </summary>
public sealed record ScoreStanding(decimal? Score, int? Rank, int Ranked, decimal? Median, decimal MaxScore)
{
    /// <summary>Points below the peers' median (negative when above it); null without a score.</summary>
    public decimal? PointsLost => Score is { } score && Median is { } median ? median - score : null;

    /// <summary><see cref="PointsLost"/> as a share of the maximum, 0–1.</summary>
    public decimal? ShareLost => PointsLost is { } lost && MaxScore > 0 ? lost / MaxScore : null;

    /// <summary>The share of the other ranked peers the unit does better than, 0–100; null without a rank or another ranked peer.</summary>
    public double? Percentile { get; init; }
}

/// <summary>A peer's score and rank in a ranking; <see cref="Previous"/> and <see cref="PreviousRank"/> are the year before's.</summary>
public sealed record PeerScore(UnitSnapshot Unit, decimal? Score, int? Rank, decimal? Previous, int? PreviousRank);

/// <summary>One component of a unit's year, with the unit's place on it.</summary>
public sealed record ComponentStanding(IndexComponent Component, ScoreStanding Standing);

/// <summary>A unit's year of an index: its total's standing and every component's, in the publisher's order.</summary>
public sealed record IndexYearStanding(int Year, bool Illustrative, string? Source, ScoreStanding Total, IReadOnlyList<ComponentStanding> Components)
{
    /// <summary>The components, deepest losses first: points below the peers' median, then the share of the maximum.</summary>
    public IReadOnlyList<ComponentStanding> ByPointsLost(int depth) =>
        Components.Where(c => c.Component.Depth == depth && c.Standing.PointsLost is not null)
            .OrderByDescending(c => c.Standing.PointsLost).ThenByDescending(c => c.Standing.ShareLost).ToArray();

    /// <summary>The components, weakest first: the share of the maximum lost against the peers' median, then the points.</summary>
    public IReadOnlyList<ComponentStanding> ByShareLost(int depth) =>
        Components.Where(c => c.Component.Depth == depth && c.Standing.ShareLost is not null)
            .OrderByDescending(c => c.Standing.ShareLost).ThenByDescending(c => c.Standing.PointsLost).ToArray();
}

/// <summary>The figures the engine gives, over a period, for the indicators that bear on a component.</summary>
public sealed record RecordFigures(DateOnly From, DateOnly To, IReadOnlyList<IndicatorValue> Values);

/// <summary>
/// One of a unit's weakest components in its latest year: its standing then, its parts' (deepest losses first), its
/// trend over the years, and what Oversight's records say of it through the indicators its definition names.
/// </summary>
public sealed record WeakComponent(
    ComponentStanding Latest, IReadOnlyList<ComponentStanding> Parts, IReadOnlyList<(int Year, ScoreStanding Standing)> Trend, IReadOnlyList<RecordFigures> Records);

/// <summary>A unit's scores on an index over the years, with its weakest components in the latest year.</summary>
public sealed record UnitIndexScores(UnitSnapshot Unit, ScoreIndex Index, IReadOnlyList<IndexYearStanding> Years, IReadOnlyList<WeakComponent> Weakest)
{
    public IndexYearStanding Latest => Years[^1];

    /// <summary>In the bottom quarter of its peers in the latest year (the last of four or fewer).</summary>
    public bool NearBottom => Latest.Total is { Rank: { } rank, Ranked: > 1 } total && rank > total.Ranked - Math.Max(1, total.Ranked / 4);
}

/// <summary>The peers of a unit ranked on one component (or the total) of an index year, and the year before.</summary>
public sealed record IndexRanking(
    UnitSnapshot Unit, ScoreIndex Index, int Year, bool Illustrative, IndexComponent? Component, ScoreStanding Own, IReadOnlyList<PeerScore> Peers, IReadOnlyList<(int Year, ScoreStanding Standing)> Years)
{
    /// <summary>The component's code, or the index's alone for the total: <c>HN-PAR-DISTRICT/3.1</c>.</summary>
    public string Code => Component is null ? Index.Code : $"{Index.Code}/{Component.Code}";
}

/// <summary>
/// Reads external indices' scores: a unit's score and rank among its peers (units of the same kind under the same
/// parent at the end of the year) over the years, the components where it loses most against the peers' median, and,
/// for the weakest, the figures the indicator engine gives from Oversight's records.
/// </summary>
/// <remarks>
/// Scores are published figures stored as data, read from their table; ranks and medians are computed here, once
/// (<see cref="PeerStandings"/>), for the pages, the API and the report alike. A unit must lie in the caller's scope; its
/// peers' scores in a published index are public, so they are shown. The records behind the weakest components are
/// the engine's figures for the unit (<see cref="IndicatorEngine.ForUnitAsync"/>), never counted again here.
/// </remarks>
public sealed class IndexScores(OversightDbContext db, CallerScope scope, IndicatorEngine engine, TimeProvider time)
{
    /// <summary>The index with <paramref name="code"/>; null when there is none.</summary>
    public Task<ScoreIndex?> FindIndexAsync(string code, CancellationToken cancellationToken = default) =>
        db.ScoreIndices.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken);

    /// <summary>The indices that score the unit carrying <paramref name="unitCode"/> in some year, by code; empty when it is not in the caller's scope.</summary>
    public async Task<IReadOnlyList<ScoreIndex>> IndicesForAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        var ids = graph.AllUnitIds.Where(id => graph.History(id).Any(v => v.Code == unitCode) && filter.Contains(id)).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var yearIds = await db.IndexScores.AsNoTracking().Where(s => ids.Contains(s.UnitId)).Select(s => s.IndexYearId).Distinct().ToListAsync(cancellationToken);
        var indexIds = await db.IndexYears.AsNoTracking().Where(y => yearIds.Contains(y.Id)).Select(y => y.IndexId).Distinct().ToListAsync(cancellationToken);
        return await db.ScoreIndices.AsNoTracking().Where(i => indexIds.Contains(i.Id)).OrderBy(i => i.Code).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The unit's scores on the index over every year it was scored, each with its rank, its peers' count and median, on
    /// the total and every component, and its <paramref name="weakest"/> weakest areas in the latest year (the largest share of their maximum lost against the peers' median) with their
    /// trend and the engine's figures for the indicators they name; null when the index does not exist, or the unit
    /// does not exist for the caller in any scored year.
    /// </summary>
    public async Task<UnitIndexScores?> ForUnitAsync(string unitCode, string indexCode, int weakest = 3, CancellationToken cancellationToken = default)
    {
        if (await FindIndexAsync(indexCode, cancellationToken) is not { } index)
        {
            return null;
        }

        var years = await YearsAsync(index, unitCode, cancellationToken);
        if (years.Count == 0)
        {
            return null;
        }

        var standings = years.Select(y => new IndexYearStanding(
            y.Year.Year,
            y.Year.Illustrative,
            y.Year.Source,
            y.Standing(IndexCodes.Total, y.Year.MaxScore),
            y.Year.Components.OrderBy(c => c.Order).Select(c => new ComponentStanding(c, y.Standing(c.Code, c.MaxScore))).ToArray())).ToArray();
        var latest = standings[^1];
        var unit = years[^1].Unit;
        var weak = new List<WeakComponent>();
        foreach (var area in latest.ByShareLost(1).Where(a => a.Standing.PointsLost > 0).Take(weakest))
        {
            var code = area.Component.Code;
            var parts = latest.Components.Where(c => c.Component.ParentCode == code && c.Standing.PointsLost is not null)
                .OrderByDescending(c => c.Standing.PointsLost).ToArray();
            var trend = standings.Select(s => (s.Year, s.Components.FirstOrDefault(c => c.Component.Code == code)?.Standing)).Where(t => t.Standing is not null)
                .Select(t => (t.Year, t.Standing!)).ToArray();
            var indicators = latest.Components.Where(c => c.Component.Code == code || c.Component.Code.StartsWith(code + ".", StringComparison.Ordinal))
                .SelectMany(c => c.Component.IndicatorCodes).Distinct().Select(engine.Catalog.Find).OfType<IndicatorDefinition>().ToArray();
            weak.Add(new WeakComponent(area, parts, trend, await RecordsAsync(unit.Code, latest.Year, indicators, cancellationToken)));
        }

        return new UnitIndexScores(unit, index, standings, weak);
    }

    /// <summary>
    /// The unit's peers ranked on one component of the index (the total when <paramref name="component"/> is empty) in
    /// <paramref name="year"/> (the latest year the unit was scored when null), with the year before's, and the unit's
    /// standing in every year; null when the unit does not exist for the caller in such a year, or the year has no such
    /// component.
    /// </summary>
    public async Task<IndexRanking?> RankAsync(ScoreIndex index, string unitCode, string component, int? year, CancellationToken cancellationToken = default)
    {
        var years = await YearsAsync(index, unitCode, cancellationToken);
        var chosen = year is { } wanted ? years.FirstOrDefault(y => y.Year.Year == wanted) : years.LastOrDefault(y => y.Scored(component));
        if (chosen is null || (component.Length > 0 && chosen.Year.Components.All(c => c.Code != component)))
        {
            return null;
        }

        var max = component.Length == 0 ? chosen.Year.MaxScore : chosen.Year.Components.First(c => c.Code == component).MaxScore;
        var previous = years.FirstOrDefault(y => y.Year.Year == chosen.Year.Year - 1);
        var ranks = chosen.Ranks(component);
        var previousRanks = previous is null ? [] : previous.Peers.Zip(previous.Ranks(component)).ToDictionary(p => p.First.Id, p => p.Second);
        var peers = chosen.Peers.Select((peer, i) => new PeerScore(peer, chosen.Score(peer.Id, component), ranks[i], previous?.Score(peer.Id, component), previousRanks.GetValueOrDefault(peer.Id)))
            .OrderBy(p => p.Rank ?? int.MaxValue).ThenBy(p => p.Unit.Code, StringComparer.Ordinal).ToArray();
        var trend = years.Where(y => y.Year.Components.Any(c => c.Code == component) || component.Length == 0)
            .Select(y => (y.Year.Year, y.Standing(component, component.Length == 0 ? y.Year.MaxScore : y.Year.Components.First(c => c.Code == component).MaxScore))).ToArray();
        return new IndexRanking(chosen.Unit, index, chosen.Year.Year, chosen.Year.Illustrative, chosen.Year.Components.FirstOrDefault(c => c.Code == component), chosen.Standing(component, max), peers, trend);
    }

    /// <summary>The engine's figures for <paramref name="indicators"/> over the scored year, and since then to today.</summary>
    private async Task<IReadOnlyList<RecordFigures>> RecordsAsync(string unitCode, int year, IReadOnlyList<IndicatorDefinition> indicators, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0)
        {
            return [];
        }

        var today = VietnamTime.Today(time);
        var periods = new List<(DateOnly From, DateOnly To)> { (new DateOnly(year, 1, 1), IndexCodes.YearEnd(year)) };
        if (new DateOnly(year + 1, 1, 1) <= today)
        {
            periods.Add((new DateOnly(year + 1, 1, 1), today));
        }

        var figures = new List<RecordFigures>();
        foreach (var (from, to) in periods)
        {
            if (await engine.ForUnitAsync(unitCode, from, to, IndicatorStructure.AsOf, indicators, cancellationToken) is { } values)
            {
                figures.Add(new RecordFigures(values.Period.From, values.Period.To, values.Values));
            }
        }

        return figures;
    }

    /// <summary>The index's years in which the unit carrying the code existed in the caller's scope, oldest first, each with its peers' scores.</summary>
    private async Task<List<YearScores>> YearsAsync(ScoreIndex index, string unitCode, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        var years = await db.IndexYears.AsNoTracking().Include(y => y.Components).Where(y => y.IndexId == index.Id).OrderBy(y => y.Year).ToListAsync(cancellationToken);
        var found = new List<YearScores>();
        foreach (var year in years)
        {
            var end = IndexCodes.YearEnd(year.Year);
            if (graph.Find(unitCode, end) is not { } unit || !filter.Contains(unit.Id))
            {
                continue;
            }

            var peers = unit.ParentId is { } parent ? graph.Children(parent, end).Where(p => p.Kind.IsPeerOf(unit.Kind)).ToArray() : [unit];
            var peerIds = peers.Select(p => p.Id).ToList();
            var scores = (await db.IndexScores.AsNoTracking().Where(s => s.IndexYearId == year.Id && peerIds.Contains(s.UnitId)).Select(s => new { s.UnitId, s.Component, s.Score })
                    .ToListAsync(cancellationToken))
                .ToDictionary(s => (s.UnitId, s.Component), s => s.Score);
            if (scores.Keys.Any(k => k.UnitId == unit.Id))
            {
                found.Add(new YearScores(year, unit, peers, scores));
            }
        }

        return found;
    }

    /// <summary>An index year's scores of a unit and its peers.</summary>
    private sealed record YearScores(IndexYear Year, UnitSnapshot Unit, IReadOnlyList<UnitSnapshot> Peers, IReadOnlyDictionary<(Guid Unit, string Component), decimal> Scores)
    {
        public decimal? Score(Guid unit, string component) => Scores.TryGetValue((unit, component), out var score) ? score : null;

        public bool Scored(string component) => Scores.ContainsKey((Unit.Id, component));

        public int?[] Ranks(string component) => PeerStandings.Ranks(Peers.Select(p => Score(p.Id, component)).ToArray());

        public ScoreStanding Standing(string component, decimal max) =>
            PeerStandings.Of(Peers.Select(p => p.Id).ToList().IndexOf(Unit.Id), Peers.Select(p => Score(p.Id, component)).ToArray(), max);
    }
}

/// <summary>Ranks and medians among peers: the one computation of them, for every page and answer that shows one.</summary>
public static class PeerStandings
{
    /// <summary>1 + how many peers score higher, for each peer with a score (equal scores share a rank); null without one.</summary>
    public static int?[] Ranks(IReadOnlyList<decimal?> scores) =>
        scores.Select(score => score is { } own ? 1 + scores.Count(other => other > own) : (int?)null).ToArray();

    /// <summary>The middle score (the mean of the two middle ones for an even count); null for none.</summary>
    public static decimal? Median(IEnumerable<decimal> scores)
    {
        var sorted = scores.Order().ToArray();
        return sorted.Length == 0 ? null
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The standing of the peer at <paramref name="own"/> among <paramref name="scores"/> (null where a peer has none).</summary>
    public static ScoreStanding Of(int own, IReadOnlyList<decimal?> scores, decimal max)
    {
        var ranks = Ranks(scores);
        var ranked = ranks.Count(r => r is not null);
        var rank = own >= 0 ? ranks[own] : null;
        return new ScoreStanding(own >= 0 ? scores[own] : null, rank, ranked, Median(scores.OfType<decimal>()), max)
        {
            Percentile = rank is { } r && ranked > 1 ? 100.0 * ranks.Count(other => other > r) / (ranked - 1) : null,
        };
    }
}
