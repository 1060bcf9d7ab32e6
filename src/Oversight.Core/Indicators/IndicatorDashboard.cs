using Oversight.Accounts;
using Oversight.Organisation;

namespace Oversight.Indicators;

/// <summary>One indicator on a dashboard: its value, its value in the previous period of the same length, and where the unit ranks on it when the ranking tells peers apart (<see cref="RankingProfile.Telling"/>).</summary>
public sealed record DashboardCard(IndicatorValue Value, IndicatorValue? Previous, Ranking? Ranking);

/// <summary>What needs attention in a unit's subtree: cases and tasks past their deadline, failed validation rules, reported figures that do not reconcile.</summary>
public sealed record DashboardWarnings(long OverdueCases, long OverdueTasks, int FailedRules, int InconsistentClaims)
{
    public bool Any => OverdueCases > 0 || OverdueTasks > 0 || FailedRules > 0 || InconsistentClaims > 0;
}

/// <summary>
/// One month of a trend: the month's own figure, as the engine gives it for the month alone as the period (the days of
/// the month within the dashboard's period), never a running total.
/// </summary>
public sealed record TrendMonth(DateOnly Month, IndicatorPeriod Period, IndicatorValue Value);

/// <summary>
/// A unit's dashboard for a period: a card per indicator, and for one chosen indicator its value over the period,
/// its trend by month, its value in each unit directly under the unit, and the ranking among the unit's peers; with
/// the warnings.
/// </summary>
/// <param name="Values">Every headline indicator over the period.</param>
/// <param name="Cards">A card per headline indicator.</param>
/// <param name="Chosen">The indicator the charts show.</param>
/// <param name="ChosenValue">Its value over the whole period.</param>
/// <param name="Trend">Its value in each month, each month its own period (<see cref="TrendMonth"/>).</param>
/// <param name="TrendCoversPeriod">The trend has every month of the period (it shows at most <see cref="IndicatorDashboard.MostMonths"/>).</param>
/// <param name="Children">Its value in each unit directly under the unit.</param>
/// <param name="ChosenRanking">Where the unit ranks on it among its peers, if it is ranked.</param>
/// <param name="Warnings">What needs attention.</param>
public sealed record Dashboard(
    UnitIndicators Values,
    IReadOnlyList<DashboardCard> Cards,
    IndicatorDefinition Chosen,
    IndicatorValue ChosenValue,
    IReadOnlyList<TrendMonth> Trend,
    bool TrendCoversPeriod,
    IReadOnlyList<(UnitSnapshot Unit, IndicatorValue Value)> Children,
    Ranking? ChosenRanking,
    DashboardWarnings Warnings);

/// <summary>Assembles a unit's dashboard from the indicator engine, the validation rules and the reconciliation of claims.</summary>
/// <remarks>
/// Rankings compare units as they stood in the period, so a dashboard in today's structure has none. The trend covers
/// at most <see cref="MostMonths"/> months, the last ones of the period. Each month is the engine's figure for that
/// month as the period, so a figure of a state at the end ("resolved by the end") is the state at the end of that
/// month, and the months add up to the period's figure only for an indicator that adds up
/// (<see cref="IndicatorDefinition.AddsUp"/>).
/// </remarks>
public sealed class IndicatorDashboard(CallerScope scope, IndicatorEngine engine, IndicatorValidation validation, Reconciliation reconciliation)
{
    public const int MostMonths = 24;

    /// <summary>The dashboard, or null when the unit does not exist for the caller (in the period, or today for today's structure).</summary>
    public async Task<Dashboard?> ForAsync(string unitCode, DateOnly from, DateOnly to, IndicatorStructure structure, IndicatorDefinition chosen, CancellationToken cancellationToken = default)
    {
        if (await engine.ForUnitAsync(unitCode, from, to, structure, cancellationToken: cancellationToken) is not { } values)
        {
            return null;
        }

        var period = values.Period;
        var previous = period.Previous();
        var earlier = await engine.ForUnitAsync(unitCode, previous.From, previous.To, structure, cancellationToken: cancellationToken);
        var profile = structure == IndicatorStructure.AsOf ? await engine.ProfileAsync(unitCode, from, to, cancellationToken) : null;
        var cards = values.Values.Select((value, i) => new DashboardCard(
            value, earlier?.Values[i], profile?.Rankings[i] is { } ranking && profile.Telling.Contains(ranking) ? ranking : null)).ToArray();

        var trend = new List<TrendMonth>();
        var lastMonth = new DateOnly(to.Year, to.Month, 1);
        var firstMonth = new DateOnly(from.Year, from.Month, 1);
        var months = (lastMonth.Year - firstMonth.Year) * 12 + lastMonth.Month - firstMonth.Month + 1;
        if (months > MostMonths)
        {
            firstMonth = lastMonth.AddMonths(1 - MostMonths);
        }

        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var monthFrom = month < from ? from : month;
            var monthTo = month.AddMonths(1).AddDays(-1) > to ? to : month.AddMonths(1).AddDays(-1);
            if (await engine.ForUnitAsync(unitCode, monthFrom, monthTo, structure, [chosen], cancellationToken) is { } monthValues)
            {
                trend.Add(new TrendMonth(month, monthValues.Period, monthValues.Values[0]));
            }
        }

        var graph = await scope.GraphAsync(cancellationToken);
        var children = graph.Children(values.Unit.Id, structure == IndicatorStructure.AsOf ? period.To : period.AsOf);
        var shown = children.Any(c => c.Kind.IsAdministrative()) ? children.Where(c => c.Kind.IsAdministrative()).ToArray() : children;
        var byChild = shown.Count == 0 ? [] : (await engine.ForEachAsync(shown, period, [chosen], cancellationToken)).Select(c => (c.Unit, c.Values[0])).ToArray();

        var failed = (await validation.ValidateAsync(values.Unit.Code, from, to, cancellationToken))?.Failed ?? 0;
        var inconsistent = (await reconciliation.ReconcileAsync(values.Unit.Code, from, to, cancellationToken))?.Checks.Count(c => c.Verdict == ClaimVerdict.Inconsistent) ?? 0;
        long Overdue(string code) => values.Values.FirstOrDefault(v => v.Definition.Code == code)?.Numerator ?? 0;
        var warnings = new DashboardWarnings(Overdue("CIT.OVERDUE"), Overdue("FUP.TASKS-OVERDUE"), failed, inconsistent);

        // A part of a headline figure (the online rate at district level) may be chosen too: it has its trend and its
        // children's values, not a ranking.
        var chosenIndex = values.Values.Select(v => v.Definition.Code).ToList().IndexOf(chosen.Code);
        var chosenValue = chosenIndex >= 0 ? values.Values[chosenIndex]
            : (await engine.ForUnitAsync(unitCode, from, to, structure, [chosen], cancellationToken))?.Values[0] ?? new IndicatorValue(chosen, 0, chosen.Denominator is null ? null : 0);
        return new Dashboard(
            values, cards, chosen, chosenValue, trend, trend.Count == months, byChild, chosenIndex < 0 ? null : profile?.Rankings[chosenIndex], warnings);
    }
}
