using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Rules;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Cases;

/// <summary>
/// The case register: a GET form of filters (so an address says what is listed), one page of matching cases, newest
/// receipt first, and links to the pages before and after. The unit defaults to the caller's own scope unit.
/// </summary>
/// <remarks>Reads one page through <see cref="CaseRegister.ListAsync"/>, never the whole match, so it stays fast on a million cases.</remarks>
public sealed class IndexModel(
    CaseRegister register,
    CallerScope scope,
    Caller caller,
    RuleBook rules,
    OversightDbContext db,
    TimeProvider time,
    IStringLocalizer<Strings> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOf { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>A status's wire name, or <c>open</c> / <c>closed</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "dueWithin")]
    public string? DueWithin { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "protracted")]
    public bool Protracted { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The page, from 1 (not <c>page</c>: Razor Pages keep that route value for the page's own name).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }

    /// <summary>Filters that could not be read, each with the id of its field.</summary>
    public List<(string? Field, string Message)> FormErrors { get; } = [];

    /// <summary>The page of cases; null when the filters are in error.</summary>
    public CaseRegisterPage? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = VietnamTime.Today(time);
        if (!Request.Query.ContainsKey("unit") && caller.ScopeUnitId is { } scopeUnitId
            && (await scope.GraphAsync(cancellationToken)).Latest(scopeUnitId) is { } own)
        {
            Unit = own.Code;
            AsOf ??= IsoDate.Format(Units.DetailsModel.DayWithin(own, Today));
        }

        var filter = await FilterAsync(cancellationToken);
        if (FormErrors.Count > 0)
        {
            return;
        }

        PageNumber = Math.Clamp(PageNumber, 1, int.MaxValue / PageSize);
        Found = await register.ListAsync(filter, PageNumber, PageSize, cancellationToken);
        if (Found is null)
        {
            FormErrors.Add(("unit", text["Cases.Filter.UnitNotFound", Unit!, Formats.Date(filter.UnitAsOf ?? filter.ReceivedTo ?? Today)]));
        }
    }

    /// <summary>The address of another page of the same list.</summary>
    public string PageHref(int page) =>
        "/cases" + QueryString.Create(Request.Query
            .Where(p => p.Key != "p")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    public string? ErrorFor(string field) => FormErrors.FirstOrDefault(e => e.Field == field).Message;

    private async Task<CaseFilter> FilterAsync(CancellationToken cancellationToken)
    {
        var kind = default(CaseKind?);
        if (!string.IsNullOrWhiteSpace(Kind))
        {
            kind = WireNames<CaseKind>.TryParse(Kind, out var parsed) ? parsed : Invalid<CaseKind>("kind", text["Cases.Filter.NotAChoice"]);
        }

        var (status, open) = Status?.Trim() switch
        {
            null or "" => (null, null),
            "open" => (null, true),
            "closed" => (null, false),
            var other when WireNames<CaseStatus>.TryParse(other, out var parsed) => ((CaseStatus?)parsed, (bool?)null),
            _ => (Invalid<CaseStatus>("status", text["Cases.Filter.NotAChoice"]), null),
        };

        int? dueWithin = null;
        if (!string.IsNullOrWhiteSpace(DueWithin))
        {
            if (int.TryParse(DueWithin, out var days) && days is >= 0 and <= 3650)
            {
                dueWithin = days;
            }
            else
            {
                FormErrors.Add(("due-within", text["Cases.Filter.DaysInvalid", 0, Formats.Number(3650)]));
            }
        }

        int? protractedAfter = null;
        if (Protracted)
        {
            // A pack set without the threshold never calls an open case protracted by age: nothing was received before day 0.
            protractedAfter = Math.Min(CaseFacts.ProtractedAfterDays(await rules.GetAsync(db, cancellationToken), Today), Today.DayNumber);
        }

        return new CaseFilter
        {
            UnitCode = string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(),
            UnitAsOf = Date(AsOf, "as-of"),
            Kind = kind,
            Status = status,
            Open = open,
            Overdue = Overdue,
            DueWithinDays = dueWithin,
            ReceivedFrom = Date(From, "from"),
            ReceivedTo = Date(To, "to"),
            AssigneeUserId = Mine ? caller.UserId ?? string.Empty : null,
            ProtractedAfterDays = protractedAfter,
            Search = Query,
        };
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

    private T? Invalid<T>(string field, string message) where T : struct
    {
        FormErrors.Add((field, message));
        return null;
    }
}
