using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
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
    IStringLocalizer<Strings> text) : RegisterFormModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>A status's wire name, or <c>open</c> / <c>closed</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool Overdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "dueWithin")]
    public string? DueWithin { get; set; }

    [BindProperty(SupportsGet = true, Name = "mine")]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "protracted")]
    public bool Protracted { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The page of cases; null when the filters are in error.</summary>
    public CaseRegisterPage? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await ReadAsync(filter => register.ListAsync(filter, PageNumber, PageSize, cancellationToken), cancellationToken);

    /// <summary>
    /// Every case the filters match, as XLSX or CSV: the register's columns, never a denouncer's identity (the
    /// register does not read it) nor a petitioner's address or telephone.
    /// </summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "cases",
        Text["Cases.Register.Title"],
        limit => ReadAsync(filter => register.ListAllAsync(filter, limit, cancellationToken), cancellationToken),
        [
            new(Text["Cases.Field.Reference"], row => row.Reference),
            new(Text["Cases.Field.Kind"], row => Text.Kind(row.Kind)),
            new(Text["Cases.Field.Status"], row => Text.Status(row.Status)),
            new(Text["Cases.Field.ReceivedOn"], row => row.ReceivedOn),
            new(Text["Exports.Column.UnitCode"], row => row.UnitCode),
            new(Text["Cases.Field.Unit"], row => row.UnitName),
            new(Text["Cases.Field.Subject"], row => row.Subject),
            new(Text["Cases.Field.Petitioner"], row => row.Kind == CaseKind.Denunciation ? Text["Cases.Confidential"].Value : row.PetitionerName),
            new(Text["Cases.Field.PetitionerCount"], row => row.PetitionerCount),
            new(Text["Cases.Field.Assignee"], row => row.AssigneeName),
            new(Text["Cases.Field.Due"], row => row.CurrentDueOn),
            new(Text["Directives.Column.Overdue"], row => Text.YesNo(row.Overdue)),
        ]);

    protected override IEnumerable<string> MoreFilters()
    {
        if (Status?.Trim() is "open" or "closed")
        {
            yield return Text[Status.Trim() == "open" ? "Cases.Filter.Open" : "Cases.Filter.Closed"];
        }

        if (!string.IsNullOrWhiteSpace(DueWithin))
        {
            yield return Text["Filters.DueWithin", DueWithin.Trim()];
        }

        if (!string.IsNullOrWhiteSpace(Query))
        {
            yield return Text["Filters.Search", Query.Trim()];
        }

        foreach (var (on, label) in new[] { (Overdue, "Cases.Filter.Overdue"), (Mine, "Cases.Filter.Mine"), (Protracted, "Cases.Filter.Protracted") })
        {
            if (on)
            {
                yield return Text[label];
            }
        }
    }

    /// <summary>What <paramref name="read"/> finds for the form's filter; null when a field is in error or the unit does not exist for the caller, which is then noted.</summary>
    private async Task<T?> ReadAsync<T>(Func<CaseFilter, Task<T?>> read, CancellationToken cancellationToken) where T : class
    {
        await ReadCommonAsync(cancellationToken);
        var filter = await FilterAsync(cancellationToken);
        if (FormErrors.Count > 0)
        {
            return null;
        }

        var found = await read(filter);
        if (found is null)
        {
            UnitNotFound(filter.UnitAsOf ?? filter.ReceivedTo ?? Today);
        }

        return found;
    }

    private async Task<CaseFilter> FilterAsync(CancellationToken cancellationToken)
    {
        var kind = Choice<CaseKind>(Kind, "kind");
        var (status, open) = Status?.Trim() switch
        {
            null or "" => (null, null),
            "open" => (null, true),
            "closed" => (null, false),
            var other => (Choice<CaseStatus>(other, "status"), (bool?)null),
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
                FormErrors.Add(("due-within", Text["Cases.Filter.DaysInvalid", 0, Formats.Number(3650)]));
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
            UnitCode = UnitCode,
            UnitAsOf = Date(AsOf, "as-of"),
            Kind = kind,
            Status = status,
            Open = open,
            Overdue = Overdue,
            DueWithinDays = dueWithin,
            ReceivedFrom = Date(From, "from"),
            ReceivedTo = Date(To, "to"),
            AssigneeUserId = Mine ? Caller.UserId ?? string.Empty : null,
            ProtractedAfterDays = protractedAfter,
            Search = Query,
        };
    }
}
