using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Indicators;

/// <summary>The records behind a figure: those counted in an indicator's numerator, or its denominator, for a unit and period.</summary>
public sealed class RecordsModel(IndicatorEngine engine, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : IndicatorFormModel(scope, caller, time, text, catalog)
{
    /// <summary>The most records listed.</summary>
    public const int MostRecords = 500;

    [BindProperty(SupportsGet = true, Name = "part")]
    public string? Part { get; set; }

    public bool Denominator => Part == "denominator";

    public IndicatorRecords? Found { get; private set; }

    public IndicatorValue? Value { get; private set; }

    public UnitGraph? Graph { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadQueryAsync(cancellationToken) is not { } query)
        {
            return;
        }

        if (query.Indicator is not { } indicator)
        {
            FormErrors.Add(("indicator", Text["Indicators.Filter.IndicatorRequired"]));
            return;
        }

        var values = await engine.ForUnitAsync(query.UnitCode, query.From, query.To, query.Structure, [indicator], cancellationToken);
        Found = values is null ? null : await engine.RecordsAsync(query.UnitCode, indicator, Denominator && indicator.Denominator is not null, query.From, query.To, query.Structure, MostRecords, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(query);
            return;
        }

        Value = values!.Values[0];
        Graph = await Scope.GraphAsync(cancellationToken);
    }
}
