using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Reception;

/// <summary>
/// The filters the reception and dialogue registers share: those of every register, with a period of held dates that
/// is the last 12 months unless given.
/// </summary>
public abstract class RegisterFilterModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : RegisterFormModel(scope, caller, time, text)
{
    /// <summary>The filter the form asks for, defaults filled in; null when a field is in error (<see cref="RegisterFormModel.FormErrors"/>).</summary>
    protected async Task<ReceptionFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(From))
        {
            From = IsoDate.Format(new DateOnly(Today.Year, Today.Month, 1).AddMonths(-12));
        }

        if (string.IsNullOrWhiteSpace(To))
        {
            To = IsoDate.Format(Today);
        }

        var (asOf, from, to) = ReadDays();
        return FormErrors.Count > 0 ? null : new ReceptionFilter(UnitCode, asOf, from!.Value, to!.Value);
    }

    /// <summary>Notes that the filter's unit does not exist for the caller.</summary>
    protected void UnitNotFound(ReceptionFilter filter) => UnitNotFound(filter.UnitAsOf ?? filter.To);
}
