using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Reception;

/// <summary>
/// The filters the reception and dialogue registers share: those of every register, with a period of held dates that
/// is, unless given, the 12 months up to the last day the units held one.
/// </summary>
public abstract class RegisterFilterModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : RegisterFormModel(scope, caller, time, text)
{
    /// <summary>The last day up to the filter's end on which its units held what the register lists; null when none.</summary>
    protected abstract Task<DateOnly?> LastHeldOnAsync(ReceptionFilter filter, CancellationToken cancellationToken);

    /// <summary>The filter <see cref="ReadAsync"/> last read with; null before, or when a field was in error.</summary>
    protected ReceptionFilter? Filter { get; private set; }

    /// <summary>
    /// What <paramref name="read"/> finds for the form's filter; null when a field is in error (the page's own choices,
    /// read before, included) or the unit does not exist for the caller, which is then noted as the unit field's error.
    /// </summary>
    protected async Task<T?> ReadAsync<T>(Func<ReceptionFilter, Task<T?>> read, CancellationToken cancellationToken) where T : class
    {
        var filter = Filter = await FilterAsync(cancellationToken);
        if (filter is null || FormErrors.Count > 0)
        {
            return null;
        }

        var found = await read(filter);
        if (found is null)
        {
            UnitNotFound(filter.UnitAsOf ?? filter.To);
        }

        return found;
    }

    /// <summary>The filter the form asks for, defaults filled in; null when a field is in error (<see cref="RegisterFormModel.FormErrors"/>).</summary>
    private async Task<ReceptionFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To))
        {
            // Opened without a period: the twelve months up to the last day the units held one, so that a unit whose
            // records stop in an earlier year still opens on them.
            var structureDay = IsoDate.TryParse(AsOf?.Trim(), out var day) ? day : (DateOnly?)null;
            var last = await LastHeldOnAsync(new ReceptionFilter(UnitCode, structureDay, DateOnly.MinValue, Today), cancellationToken) ?? Today;
            From = IsoDate.Format(new DateOnly(last.Year, last.Month, 1).AddMonths(-12));
            To = IsoDate.Format(last);
        }

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
}
