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

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);
        var filter = await FilterAsync(cancellationToken);
        if (FormErrors.Count > 0)
        {
            return;
        }

        Found = await register.ListAsync(filter, PageNumber, PageSize, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(filter.UnitAsOf ?? filter.ReceivedTo ?? Today);
        }
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
