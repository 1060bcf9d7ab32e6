using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Oversight.Indicators;
using Oversight.Scores;
using Oversight.Web.Accounts;
using Oversight.Web.Hosting;
using Oversight.Web.Petitions;

namespace Oversight.Web.Indicators;

public sealed record IndicatorNameResponse(string Vi, string En);

/// <summary>A numerator or denominator: a count of a record set's records (or the sum of a measure) that match the filters.</summary>
public sealed record QuantityResponse(string Records, string? Sum, IReadOnlyDictionary<string, IReadOnlyList<string>> Where);

/// <summary>
/// An indicator's definition; a breakdown is part of a headline figure, listed and computed on request
/// (<c>indicator=CODE</c>), not in the default values. The peer visibility says who sees peers' values in a ranking.
/// </summary>
public sealed record IndicatorDefinitionResponse(
    string Code,
    IndicatorArea Area,
    IndicatorNameResponse Name,
    IndicatorUnit Unit,
    IndicatorDirection Direction,
    double? Target,
    QuantityResponse Numerator,
    QuantityResponse? Denominator,
    bool Breakdown,
    PeerVisibility PeerVisibility);

/// <summary>One indicator's value: the count, or numerator ÷ denominator × 100 (null when the denominator is 0).</summary>
public sealed record IndicatorValueResponse(string Code, string Name, IndicatorUnit Unit, long Numerator, long? Denominator, double? Value, double? Target);

/// <summary>The records of a unit only part of which went into today's unit, shown apart.</summary>
public sealed record PartialShareResponse(SummaryUnitResponse From, IReadOnlyList<IndicatorValueResponse> Values);

public sealed record UnitIndicatorsResponse(
    SummaryUnitResponse Unit,
    DateOnly From,
    DateOnly To,
    string Structure,
    IReadOnlyList<IndicatorValueResponse> Values,
    IReadOnlyList<PartialShareResponse> PartialShares);

/// <summary>
/// A peer's value and rank (1 = best; equal values share a rank; null without a value), and the same for the previous
/// period. Withheld: the caller may not see this peer's values (numerator, denominator, value and previous value are
/// null); its ranks are given.
/// </summary>
public sealed record PeerResponse(string Code, string Name, long? Numerator, long? Denominator, double? Value, int? Rank, double? PreviousValue, int? PreviousRank, bool Withheld);

public sealed record RankingResponse(
    SummaryUnitResponse Unit,
    string Indicator,
    PeerVisibility PeerVisibility,
    DateOnly From,
    DateOnly To,
    DateOnly PreviousFrom,
    DateOnly PreviousTo,
    int? Rank,
    double? Percentile,
    IReadOnlyList<PeerResponse> Peers,
    IndexRankingResponse? Index = null);

/// <summary>A unit's score, rank among its ranked peers and the peers' median in one year of an index.</summary>
public sealed record IndexYearResponse(int Year, decimal? Score, int? Rank, int Ranked, decimal? Median, decimal MaxScore);

/// <summary>
/// What a ranking on an external index adds (null for an engine indicator): the index and component, the year's
/// maximum and the peers' median, whether the year's figures are illustrative, and the unit's standing in every year
/// scored. Peers' values are the published scores (numerator and denominator null).
/// </summary>
public sealed record IndexRankingResponse(string Index, string? Component, string Name, int Year, decimal MaxScore, decimal? Median, decimal? PointsLost, bool Illustrative, IReadOnlyList<IndexYearResponse> Years);

/// <summary>Indicator definitions, a unit's indicator values and its ranking among its peers.</summary>
public static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/indicators")
            .RequireAuthorization(Policies.Api)
            .WithTags("Indicators")
            .MapGet("/", ListDefinitions)
            .WithName("ListIndicators")
            .WithSummary("The indicator definitions: code, names, unit, direction, target, numerator and denominator");
        var units = app.MapGroup("/api/v1/units")
            .RequireAuthorization(Policies.Api)
            .WithTags("Indicators");
        units.MapGet("/{code}/indicators", GetValues)
            .WithName("GetUnitIndicators")
            .WithSummary("Every indicator's numerator, denominator and value for a unit's subtree over a period")
            .WithDescription("from and to (YYYY-MM-DD, inclusive) are required. structure=asOf (default) takes the subtree as it stood in the period; structure=today takes today's unit with the records of the units it was formed from, and gives the records of units only part of which went into it as partialShares, never in its values. indicator (repeatable) limits the list. Names are in Vietnamese, or English with culture=en-GB. 404 when no unit carries the code then, or it lies outside the caller's scope.");
        units.MapGet("/{code}/rankings", GetRanking)
            .WithName("GetUnitRanking")
            .WithSummary("The unit's peers (units of the same kind under the same parent at the end of the period; communes, wards and towns are peers) ranked on one indicator; the values of peers outside the caller's scope are withheld (withheld: true, rank given) where the indicator's peerVisibility keeps them confidential")
            .WithDescription("indicator, from and to are required. Each peer is its subtree in the period; the previous period is the one of the same length just before. peerVisibility is the indicator's: public, every peer's values are shown; peers, leaders and inspectors see every peer's values, officers those of the peers in their scope; scope (denunciations, discipline), every caller sees the values of the peers in their scope only. A peer whose values are kept from the caller has withheld: true and null numerator, denominator, value and previousValue; its rank and previousRank are given. The unit's own values are always shown. 404 when no unit carries the code at the end of the period, or it lies outside the caller's scope. indicator may also name an external index (INDEX for its total, INDEX/COMPONENT for a component, e.g. HN-PAR-DISTRICT/3.1): from and to are then optional and choose the year (to's, else from's, else the latest year the unit was scored); peers are the units of the same kind under the same parent at the end of that year, value is the published score, the previous period is the year before, and index gives the maximum, the peers' median and the unit's score and rank in every year. Published scores are public: no peer is withheld. 404 when the unit was not scored that year, or lies outside the caller's scope.");
    }

    private static Ok<IReadOnlyList<IndicatorDefinitionResponse>> ListDefinitions(IndicatorCatalog catalog) =>
        TypedResults.Ok<IReadOnlyList<IndicatorDefinitionResponse>>(catalog.Indicators.Select(i => new IndicatorDefinitionResponse(
            i.Code,
            i.Area,
            new IndicatorNameResponse(i.NameVi, i.NameEn),
            i.Unit,
            i.Direction,
            i.Target,
            ToResponse(i.Numerator),
            i.Denominator is { } denominator ? ToResponse(denominator) : null,
            i.Breakdown,
            i.PeerVisibility)).ToArray());

    private static async Task<Results<Ok<UnitIndicatorsResponse>, NotFound, ValidationProblem>> GetValues(
        string code, string? from, string? to, string? structure, string[]? indicator, IndicatorEngine engine, CancellationToken cancellationToken)
    {
        var period = QueryFields.Period(from, to);
        var shape = Structure(structure, period.Errors);
        var indicators = Indicators(engine.Catalog, indicator, period.Errors);
        if (period is not ({ } fromDay, { } toDay, { Count: 0 }))
        {
            return TypedResults.ValidationProblem(period.Errors);
        }

        var values = await engine.ForUnitAsync(code, fromDay, toDay, shape, indicators, cancellationToken);
        if (values is null)
        {
            return TypedResults.NotFound();
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return TypedResults.Ok(new UnitIndicatorsResponse(
            new SummaryUnitResponse(values.Unit.Code, values.Unit.Name),
            fromDay,
            toDay,
            shape == IndicatorStructure.Today ? "today" : "asOf",
            values.Values.Select(v => ToResponse(v, english)).ToArray(),
            values.PartialShares.Select(s => new PartialShareResponse(new SummaryUnitResponse(s.From.Code, s.From.Name), s.Values.Select(v => ToResponse(v, english)).ToArray())).ToArray()));
    }

    private static async Task<Results<Ok<RankingResponse>, NotFound, ValidationProblem>> GetRanking(
        string code, string? from, string? to, string? indicator, IndicatorEngine engine, IndexScores scores, CancellationToken cancellationToken)
    {
        var definition = string.IsNullOrWhiteSpace(indicator) ? null : engine.Catalog.Find(indicator);
        if (definition is null && IndexCodes.Parse(indicator) is { } reference && await scores.FindIndexAsync(reference.Index, cancellationToken) is { } index)
        {
            return await GetIndexRanking(code, from, to, index, reference.Component, scores, cancellationToken);
        }

        var period = QueryFields.Period(from, to);
        if (definition is null)
        {
            period.Errors["indicator"] = [string.IsNullOrWhiteSpace(indicator)
                ? "indicator is required (a code of GET /api/v1/indicators, or an index: INDEX or INDEX/COMPONENT)."
                : $"'{indicator}' is not an indicator code, nor an index (INDEX or INDEX/COMPONENT)."];
        }

        if (period is not ({ } fromDay, { } toDay, { Count: 0 }) || definition is null)
        {
            return TypedResults.ValidationProblem(period.Errors);
        }

        if (await engine.RankAsync(code, fromDay, toDay, [definition], cancellationToken) is not [var ranking])
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new RankingResponse(
            new SummaryUnitResponse(ranking.Unit.Code, ranking.Unit.Name),
            definition.Code,
            definition.PeerVisibility,
            ranking.Period.From,
            ranking.Period.To,
            ranking.PreviousPeriod.From,
            ranking.PreviousPeriod.To,
            ranking.Own.Rank,
            ranking.Percentile,
            ranking.Peers.Select(p => new PeerResponse(
                p.Unit.Code, p.Unit.Name, p.Current?.Numerator, p.Current?.Denominator, p.Current?.Value, p.Rank, p.Previous?.Value, p.PreviousRank, p.Withheld)).ToArray()));
    }

    /// <summary>A ranking on an external index's total or component, in the shape of an indicator's (see <see cref="IndexScores.RankAsync"/>).</summary>
    private static async Task<Results<Ok<RankingResponse>, NotFound, ValidationProblem>> GetIndexRanking(
        string code, string? from, string? to, ScoreIndex index, string component, IndexScores scores, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDay = QueryFields.OptionalDate(from, nameof(from), errors);
        var toDay = QueryFields.OptionalDate(to, nameof(to), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await scores.RankAsync(index, code, component, (toDay ?? fromDay)?.Year, cancellationToken) is not { } ranking)
        {
            return TypedResults.NotFound();
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var own = ranking.Own;
        return TypedResults.Ok(new RankingResponse(
            new SummaryUnitResponse(ranking.Unit.Code, ranking.Unit.Name),
            ranking.Code,
            PeerVisibility.Public,
            new DateOnly(ranking.Year, 1, 1),
            IndexCodes.YearEnd(ranking.Year),
            new DateOnly(ranking.Year - 1, 1, 1),
            IndexCodes.YearEnd(ranking.Year - 1),
            own.Rank,
            own.Percentile,
            ranking.Peers.Select(p => new PeerResponse(p.Unit.Code, p.Unit.Name, null, null, (double?)p.Score, p.Rank, (double?)p.Previous, p.PreviousRank, false)).ToArray(),
            new IndexRankingResponse(
                index.Code,
                ranking.Component?.Code,
                ranking.Component?.Name(english) ?? index.Name(english),
                ranking.Year,
                own.MaxScore,
                own.Median,
                own.PointsLost,
                ranking.Illustrative,
                ranking.Years.Select(y => new IndexYearResponse(y.Year, y.Standing.Score, y.Standing.Rank, y.Standing.Ranked, y.Standing.Median, y.Standing.MaxScore)).ToArray())));
    }

    private static IndicatorStructure Structure(string? structure, Dictionary<string, string[]> errors)
    {
        switch (structure?.Trim().ToLowerInvariant())
        {
            case null or "" or "asof":
                return IndicatorStructure.AsOf;
            case "today":
                return IndicatorStructure.Today;
            default:
                errors["structure"] = [$"structure '{structure}' is not asOf or today."];
                return IndicatorStructure.AsOf;
        }
    }

    private static IReadOnlyList<IndicatorDefinition>? Indicators(IndicatorCatalog catalog, string[]? codes, Dictionary<string, string[]> errors)
    {
        if (codes is not { Length: > 0 })
        {
            return null;
        }

        var unknown = codes.Where(c => catalog.Find(c) is null).ToArray();
        if (unknown.Length > 0)
        {
            errors["indicator"] = unknown.Select(c => $"'{c}' is not an indicator code.").ToArray();
        }

        return codes.Select(catalog.Find).OfType<IndicatorDefinition>().DistinctBy(i => i.Code).ToArray();
    }

    private static IndicatorValueResponse ToResponse(IndicatorValue value, bool english) => new(
        value.Definition.Code, value.Definition.Name(english), value.Definition.Unit, value.Numerator, value.Denominator, value.Value, value.Definition.Target);

    private static QuantityResponse ToResponse(Quantity quantity) => new(quantity.Records.Name, quantity.Sum, quantity.Where);
}
