using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Indicators;

/// <summary>
/// A unit's dashboard: a card per indicator with its value, target, change since the previous period and rank; for the
/// chosen indicator its trend by month, its value in each unit below and the ranking among peers; and the warnings.
/// Opened without a period, it shows the latest year (to date) in which the unit has figures.
/// </summary>
public sealed class IndexModel(IndicatorDashboard dashboard, IndicatorEngine engine, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : IndicatorFormModel(scope, caller, time, text, catalog)
{
    /// <summary>How many years back a dashboard opened without a period looks for one with figures.</summary>
    public const int YearsBack = 5;
    /// <summary>The indicator the charts show when none is chosen.</summary>
    public const string DefaultIndicator = "CIT.RESOLVED-WITHIN-JURISDICTION";

    public Dashboard? Found { get; private set; }

    /// <summary>The period was not given, and the latest year with figures was chosen (the note says so).</summary>
    public bool PeriodChosen { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var periodGiven = From is not null || To is not null;
        if (await ReadQueryAsync(cancellationToken) is not { } query)
        {
            return;
        }

        if (!periodGiven && await LatestYearWithFiguresAsync(query, cancellationToken) is { } latest && latest != (query.From, query.To))
        {
            query = query with { From = latest.From, To = latest.To };
            (From, To, PeriodChosen) = (IsoDate.Format(latest.From), IsoDate.Format(latest.To), true);
        }

        var chosen = query.Indicator ?? Catalog.Find(DefaultIndicator) ?? Catalog.Headline[0];
        Indicator = chosen.Code;
        Found = await dashboard.ForAsync(query.UnitCode, query.From, query.To, query.Structure, chosen, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(query);
        }
    }

    /// <summary>
    /// The latest year up to the default period's end with records of its own for the unit: some headline indicator
    /// that counts the records of the period (<see cref="IndicatorDefinition.AddsUp"/>, not a state at its end, which
    /// every later year has) has figures (<see cref="IndicatorValue.HasData"/>); null when none has in <see cref="YearsBack"/> years.
    /// </summary>
    private async Task<(DateOnly From, DateOnly To)?> LatestYearWithFiguresAsync(IndicatorQuery query, CancellationToken cancellationToken)
    {
        var ofThePeriod = Catalog.Headline.Where(i => i.AddsUp).ToArray();
        for (var year = query.To.Year; year > query.To.Year - YearsBack; year--)
        {
            var (from, to) = (new DateOnly(year, 1, 1), year == query.To.Year ? query.To : new DateOnly(year, 12, 31));
            if (await engine.ForUnitAsync(query.UnitCode, from, to, query.Structure, ofThePeriod, cancellationToken) is { } values && values.Values.Any(v => v.HasData))
            {
                return (from, to);
            }
        }

        return null;
    }
}
