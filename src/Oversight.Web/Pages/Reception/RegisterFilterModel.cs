using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Reception;

/// <summary>
/// The filters the reception and dialogue registers share, read from a GET form as the case register reads them:
/// a unit (the caller's own scope unit unless the address names one) as of a day, and a period of held dates
/// (the last 12 months unless given), one page at a time.
/// </summary>
public abstract class RegisterFilterModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>Filters that could not be read, each with the id of its field.</summary>
    public List<(string? Field, string Message)> FormErrors { get; } = [];

    public string? ErrorFor(string field) => FormErrors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>The address of another page of the same list.</summary>
    public string PageHref(int page) =>
        Request.Path + QueryString.Create(Request.Query
            .Where(p => p.Key != "p")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The filter the form asks for, defaults filled in; null when a field is in error (<see cref="FormErrors"/>).</summary>
    protected async Task<ReceptionFilter?> FilterAsync(CancellationToken cancellationToken)
    {
        Today = VietnamTime.Today(time);
        if (!Request.Query.ContainsKey("unit") && caller.ScopeUnitId is { } scopeUnitId
            && (await scope.GraphAsync(cancellationToken)).Latest(scopeUnitId) is { } own)
        {
            Unit = own.Code;
            AsOf ??= IsoDate.Format(Units.DetailsModel.DayWithin(own, Today));
        }

        if (string.IsNullOrWhiteSpace(From))
        {
            From = IsoDate.Format(new DateOnly(Today.Year, Today.Month, 1).AddMonths(-12));
        }

        if (string.IsNullOrWhiteSpace(To))
        {
            To = IsoDate.Format(Today);
        }

        var asOf = Date(AsOf, "as-of");
        var from = Date(From, "from");
        var to = Date(To, "to");
        if (from > to)
        {
            FormErrors.Add(("to", text["Reception.Filter.PeriodReversed"]));
        }

        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        return FormErrors.Count > 0 ? null : new ReceptionFilter(string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), asOf, from!.Value, to!.Value);
    }

    /// <summary>Notes that the filter's unit does not exist for the caller.</summary>
    protected void UnitNotFound(ReceptionFilter filter) =>
        FormErrors.Add(("unit", text["Cases.Filter.UnitNotFound", Unit!, Formats.Date(filter.UnitAsOf ?? filter.To)]));

    /// <summary>A choice of an enum by its wire name; null when none is chosen, an error when it is not one of them.</summary>
    protected TEnum? Choice<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (WireNames<TEnum>.TryParse(value.Trim(), out var parsed))
        {
            return parsed;
        }

        FormErrors.Add((field, text["Cases.Filter.NotAChoice"]));
        return null;
    }

    private DateOnly? Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (IsoDate.TryParse(value.Trim(), out var day))
        {
            return day;
        }

        FormErrors.Add((field, text["Cases.Filter.NotADate"]));
        return null;
    }
}
