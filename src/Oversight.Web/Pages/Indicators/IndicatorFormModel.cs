using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Indicators;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Indicators;

/// <summary>
/// What the indicator pages (dashboard, records behind a figure, reconciliation, report) read from their GET form: a
/// unit (the caller's own unless the address names one), a period (this year to date unless given), the structure
/// and an indicator.
/// </summary>
public abstract class IndicatorFormModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text, IndicatorCatalog catalog)
    : RegisterFormModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "structure")]
    public string? Structure { get; set; }

    [BindProperty(SupportsGet = true, Name = "indicator")]
    public string? Indicator { get; set; }

    public IndicatorCatalog Catalog => catalog;

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The form's choices once read; null when a field is in error.</summary>
    public IndicatorQuery? Query { get; private set; }

    /// <summary>The form's choices; null when a field is in error (<see cref="RegisterFormModel.FormErrors"/>).</summary>
    protected async Task<IndicatorQuery?> ReadQueryAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);

        // By default this year to date; for the caller's own unit that no longer exists, its last year.
        var end = IsoDate.TryParse(AsOf, out var asOf) && asOf < Today ? asOf : Today;
        From ??= IsoDate.Format(new DateOnly(end.Year, 1, 1));
        To ??= IsoDate.Format(end);
        var (_, from, to) = ReadDays();
        var structure = Structure?.Trim() == "today" ? IndicatorStructure.Today : IndicatorStructure.AsOf;
        var indicator = string.IsNullOrWhiteSpace(Indicator) ? null : catalog.Find(Indicator);
        if (!string.IsNullOrWhiteSpace(Indicator) && indicator is null)
        {
            FormErrors.Add(("indicator", Text["Cases.Filter.NotAChoice"]));
        }

        if (UnitCode is null)
        {
            FormErrors.Add(("unit", Text["Indicators.Filter.UnitRequired"]));
        }

        Query = FormErrors.Count > 0 ? null : new IndicatorQuery(UnitCode!, from!.Value, to!.Value, structure, indicator);
        return Query;
    }

    protected override IEnumerable<string> MoreFilters()
    {
        if (Structure?.Trim() == "today")
        {
            yield return Text["Indicators.Structure.Today"];
        }

        if (!string.IsNullOrWhiteSpace(Indicator) && catalog.Find(Indicator) is { } indicator)
        {
            yield return indicator.Name(English);
        }
    }

    /// <summary>Notes that the unit does not exist for the caller in the period (or today, for today's structure).</summary>
    protected void UnitNotFound(IndicatorQuery query) => UnitNotFound(query.Structure == IndicatorStructure.Today ? Today : query.To);

    /// <summary>The address of an indicator page for the same unit, period and structure; <paramref name="more"/> adds or replaces fields.</summary>
    public string Href(string path, string? indicator = null, params (string Name, string Value)[] more)
    {
        var query = new Dictionary<string, string?> { ["unit"] = Unit, ["from"] = From, ["to"] = To };
        if (Structure == "today")
        {
            query["structure"] = "today";
        }

        if ((indicator ?? Indicator) is { } code)
        {
            query["indicator"] = code;
        }

        foreach (var (name, value) in more)
        {
            query[name] = value;
        }

        return path + QueryString.Create(query);
    }

}

/// <summary>A unit, a period, the structure, and the indicator chosen (if any).</summary>
public sealed record IndicatorQuery(string UnitCode, DateOnly From, DateOnly To, IndicatorStructure Structure, IndicatorDefinition? Indicator);
