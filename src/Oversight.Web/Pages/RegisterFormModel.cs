using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Exports;
using Oversight.Imports;
using Oversight.Organisation;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages;

/// <summary>
/// What every register page reads from its GET form the same way: a unit (the caller's own scope unit unless the
/// address names one) as of a day, a period, the page number; the fields that could not be read; the addresses of the
/// other pages; and the export of every row the filters match (<see cref="RegisterExport"/>).
/// </summary>
public abstract class RegisterFormModel(CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    /// <summary>The unit picker's text (<c>_UnitPicker</c>): a unit's name, typed or chosen; the unit's code goes in <see cref="Unit"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "unitName")]
    public string? UnitName { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    /// <summary>The page, from 1 (not <c>page</c>: Razor Pages keep that route value for the page's own name).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>The unit the filter names, as the page shows it (by its name); null for the whole scope, or a unit not found.</summary>
    public UnitSnapshot? ChosenUnit { get; private set; }

    /// <summary>The day the form reads units on: its "as of" day, or else the end of its period, or else today.</summary>
    public DateOnly UnitDay { get; private set; }

    /// <summary>The units a typed name may stand for, when it stands for none or for several: the page asks to choose.</summary>
    public IReadOnlyList<UnitChoice> UnitChoices { get; private set; } = [];

    protected Caller Caller => caller;

    protected CallerScope Scope => scope;

    protected IStringLocalizer<Strings> Text => text;

    /// <summary>The choices of the page's own filters applied, in words, as <see cref="Choice{TEnum}"/> read them.</summary>
    private readonly List<string> choices = [];

    /// <summary>
    /// The filters applied, in words, for the summary of the folded form (<c>_FilterSummary</c>): the unit by its name,
    /// the day of the structure, the period, and the page's own (<see cref="MoreFilters"/>).
    /// </summary>
    public IReadOnlyList<string> AppliedFilters()
    {
        var applied = new List<string>();
        if (ChosenUnit is { } unit)
        {
            applied.Add(unit.Name);
        }

        if (IsoDate.TryParse(AsOf?.Trim(), out var asOf))
        {
            applied.Add(text["Filters.AsOf", Formats.Date(asOf)]);
        }

        DateOnly? Day(string? value) => IsoDate.TryParse(value?.Trim(), out var day) ? day : null;
        if (Day(From) is not null || Day(To) is not null)
        {
            applied.Add(text.Period(Day(From), Day(To)));
        }

        return [.. applied, .. choices, .. MoreFilters()];
    }

    /// <summary>The form folds to its summary once a filter is applied; it stays open while nothing is, or a field is in error.</summary>
    public bool FiltersOpen => FormErrors.Count > 0 || AppliedFilters().Count == 0;

    /// <summary>The page's own filters applied, in words, other than the choices <see cref="Choice{TEnum}"/> reads.</summary>
    protected virtual IEnumerable<string> MoreFilters() => [];

    /// <summary>Filters that could not be read, each with the id of its field.</summary>
    public List<(string? Field, string Message)> FormErrors { get; } = [];

    public string? ErrorFor(string field) => FormErrors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>The address of another page of the same list.</summary>
    public string PageHref(int page) => SameFilters(["p"], ("p", page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The address of this page with the unit <paramref name="code"/> chosen, every other filter kept.</summary>
    public string UnitChoiceHref(string code) => SameFilters(["unit", "unitName", "p"], ("unit", code));

    /// <summary>This page's address with its fields but <paramref name="without"/>, and <paramref name="with"/>.</summary>
    private string SameFilters(string[] without, params (string Name, string Value)[] with) =>
        Request.Path + QueryString.Create(Request.Query
            .Where(p => !without.Contains(p.Key))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Concat(with.Select(w => new KeyValuePair<string, string?>(w.Name, w.Value))));

    /// <summary>
    /// Answers the page's export links: every row the filters match, up to <see cref="ExportSettings.MaxRows"/>, read by
    /// <paramref name="readAll"/> (given that limit), as the file <paramref name="file"/> names (<c>xlsx</c>, <c>csv</c>)
    /// with <paramref name="columns"/>. When a filter is in error, or more rows match than an export holds, the page
    /// itself, saying so; a format that is neither is not found.
    /// </summary>
    protected async Task<IActionResult> ExportAsync<TRow>(
        string? file, string name, string title, Func<int, Task<RegisterPage<TRow>?>> readAll, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        if (TabularFormats.FromExtension(file) is not { } format)
        {
            return NotFound();
        }

        var maxRows = HttpContext.RequestServices.GetRequiredService<ExportSettings>().MaxRows;
        var found = await readAll(maxRows);
        if (found is null)
        {
            return Page();
        }

        if (found.HasNextPage)
        {
            FormErrors.Add((null, text["Exports.TooManyRows", Formats.Number(maxRows)]));
            return Page();
        }

        return RegisterExport.File(name, title, found.Rows, columns, format, Today);
    }

    /// <summary>Today, the caller's own unit when the address names none, and a page number in range.</summary>
    protected async Task ReadCommonAsync(CancellationToken cancellationToken)
    {
        Today = VietnamTime.Today(time);
        if (!Request.Query.ContainsKey("unit") && caller.ScopeUnitId is { } scopeUnitId
            && (await scope.GraphAsync(cancellationToken)).Latest(scopeUnitId) is { } own)
        {
            // Without a day of the structure, the unit's records over all time, those of the units it was formed from
            // included (Chương Mỹ's 2024 records for Hà Nội's inspector, Xã Tốt Động's for Xã Quảng Bị's officer).
            Unit = own.Code;
        }

        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        await ReadUnitAsync(cancellationToken);
    }

    /// <summary>
    /// The unit picker: a name typed (in the picker, or in <c>unit</c> where no unit ever had it as its code) stands for
    /// the unit it names on <see cref="UnitDay"/>, whose code goes in <see cref="Unit"/>; a name that names none or
    /// several is the unit field's error, with the choices. The picker's text sent with a code keeps the code while it
    /// reads that unit's name; sent empty, it asks for the caller's whole scope.
    /// </summary>
    private async Task ReadUnitAsync(CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var filter = await scope.FilterAsync(cancellationToken);
        UnitDay = IsoDate.TryParse(AsOf?.Trim(), out var asOf) ? asOf : IsoDate.TryParse(To?.Trim(), out var to) ? to : Today;
        UnitSnapshot? Named(string? code) =>
            string.IsNullOrWhiteSpace(code) ? null : (graph.Find(code.Trim(), UnitDay) ?? graph.FindLast(code.Trim())) is { } unit && filter.Contains(unit.Id) ? unit : null;

        var typed = Request.Query.ContainsKey("unitName")
            ? string.IsNullOrWhiteSpace(UnitName) || VietnameseText.Fold(Named(Unit)?.Name) == VietnameseText.Fold(UnitName) ? null : UnitName.Trim()
            : UnitCode is { } code && graph.FindLast(code) is null ? code : null;
        if (Request.Query.ContainsKey("unitName") && string.IsNullOrWhiteSpace(UnitName))
        {
            Unit = null;
        }

        if (typed is not null)
        {
            var pick = await HttpContext.RequestServices.GetRequiredService<UnitDirectory>().PickAsync(typed, UnitDay, cancellationToken);
            Unit = pick.Unit?.Code ?? typed;
            if (pick.Unit is null)
            {
                UnitChoices = pick.Choices;
                FormErrors.Add(("unit", text[pick.Choices.Count == 0 ? "Units.Picker.NoneFound" : "Units.Picker.Several", typed, Formats.Number(pick.Choices.Count)]));
            }
        }

        ChosenUnit = UnitChoices.Count > 0 ? null : Named(Unit);
    }

    /// <summary>The unit code asked for; null for the caller's whole scope.</summary>
    protected string? UnitCode => string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim();

    /// <summary>Notes that the filter's unit does not exist for the caller on <paramref name="asOf"/>.</summary>
    protected void UnitNotFound(DateOnly asOf) =>
        FormErrors.Add(("unit", text["Cases.Filter.UnitNotFound", Unit!, Formats.Date(asOf)]));

    /// <summary>A choice of an enum by its wire name; null when none is chosen, an error when it is not one of them.</summary>
    protected TEnum? Choice<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (WireNames<TEnum>.TryParse(value.Trim(), out var parsed))
        {
            choices.Add(text.Named(parsed));
            return parsed;
        }

        FormErrors.Add((field, text["Cases.Filter.NotAChoice"]));
        return null;
    }

    /// <summary>The day the unit is read on and the period, as the form gives them; a period that ends before it starts is an error of its end.</summary>
    protected (DateOnly? AsOf, DateOnly? From, DateOnly? To) ReadDays()
    {
        var asOf = Date(AsOf, "as-of");
        var from = Date(From, "from");
        var to = Date(To, "to");
        if (from > to)
        {
            FormErrors.Add(("to", text["Reception.Filter.PeriodReversed"]));
        }

        return (asOf, from, to);
    }

    protected DateOnly? Date(string? value, string field)
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
