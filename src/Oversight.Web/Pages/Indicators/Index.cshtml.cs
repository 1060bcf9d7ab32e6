using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Indicators;

/// <summary>
/// A unit's dashboard: a card per indicator with its value, target, change since the previous period and rank; for the
/// chosen indicator its trend by month, its value in each unit below and the ranking among peers; and the warnings.
/// </summary>
public sealed class IndexModel(IndicatorDashboard dashboard, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : IndicatorFormModel(scope, caller, time, text, catalog)
{
    /// <summary>The indicator the charts show when none is chosen.</summary>
    public const string DefaultIndicator = "CIT.RESOLVED-WITHIN-JURISDICTION";

    public Dashboard? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadQueryAsync(cancellationToken) is not { } query)
        {
            return;
        }

        var chosen = query.Indicator ?? Catalog.Find(DefaultIndicator) ?? Catalog.Headline[0];
        Indicator = chosen.Code;
        Found = await dashboard.ForAsync(query.UnitCode, query.From, query.To, query.Structure, chosen, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(query);
        }
    }
}
