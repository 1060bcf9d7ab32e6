using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Accountability;

/// <summary>
/// The filters the accountability registers (inspections, tasks, discipline, moves, dissemination) share: those of
/// every register, with a period that is open unless given, since their records span years.
/// </summary>
public abstract class AccountabilityFilterModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : RegisterFormModel(scope, caller, time, text)
{
    /// <summary>Words of a record's number or text; only the registers that show the field (inspections, tasks) read them.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<string> MoreFilters() =>
        string.IsNullOrWhiteSpace(Query) ? [] : [Text["Filters.Search", Query.Trim()]];

    /// <summary>The filter the form asks for; null when a field is in error (<see cref="RegisterFormModel.FormErrors"/>).</summary>
    private async Task<AccountabilityFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);
        var (asOf, from, to) = ReadDays();
        return FormErrors.Count > 0 ? null : new AccountabilityFilter(UnitCode, asOf, from, to, Query);
    }

    /// <summary>
    /// What <paramref name="read"/> finds for the form's filter; null when a field is in error (the page's own choices,
    /// read before, included) or the unit does not exist for the caller, which is then noted as the unit field's error.
    /// </summary>
    protected async Task<T?> ReadAsync<T>(Func<AccountabilityFilter, Task<T?>> read, CancellationToken cancellationToken) where T : class
    {
        var filter = await FilterAsync(cancellationToken);
        if (filter is null || FormErrors.Count > 0)
        {
            return null;
        }

        var found = await read(filter);
        if (found is null)
        {
            UnitNotFound(filter.UnitAsOf ?? filter.To ?? Today);
        }

        return found;
    }
}
