using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Indicators;

/// <summary>The figures a unit's subtree reported for the period, each reconciled with the records, and the validation rules run on its figures.</summary>
public sealed class ReconciliationModel(Reconciliation reconciliation, IndicatorValidation validation, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : IndicatorFormModel(scope, caller, time, text, catalog)
{
    public ReconciliationResult? Found { get; private set; }

    public ValidationResult? Validation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadQueryAsync(cancellationToken) is not { } query)
        {
            return;
        }

        Found = await reconciliation.ReconcileAsync(query.UnitCode, query.From, query.To, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(query.To);
            return;
        }

        Validation = await validation.ValidateAsync(query.UnitCode, query.From, query.To, cancellationToken);
    }
}
