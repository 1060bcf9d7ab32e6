using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Text;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Cases;

namespace Oversight.Web.Pages.Reception;

/// <summary>
/// Records a reception session: the fields of <see cref="ReceptionSessionRequest"/>, checked by
/// <see cref="ReceptionRecords.CreateSessionAsync"/>; each error beside its field and in the summary; the session's page on success.
/// </summary>
public sealed class NewModel(ReceptionRecords records, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public string? Unit { get; set; }

    [BindProperty]
    public string? HeldOn { get; set; }

    [BindProperty]
    public string? HostName { get; set; }

    [BindProperty]
    public string? HostPersonCode { get; set; }

    [BindProperty]
    public string? HostRole { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Visits { get; set; }

    [BindProperty]
    public string? People { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public IReadOnlyList<(string? Field, string Message)> Summary => text.Summary(Errors);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field) is { } error ? text.Error(error) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        HeldOn = IsoDate.Format(VietnamTime.Today(time));
        Kind = WireNames<SessionKind>.ToWire(SessionKind.Regular);
        Unit = await OwnUnitCodeAsync(scope, caller, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var visits = Count(Visits, "visits", errors);
        var people = Count(People, "people", errors);
        if (errors.Count > 0)
        {
            Errors = errors;
            return Page();
        }

        var result = await records.CreateSessionAsync(
            new ReceptionSessionRequest(Unit, HeldOn, HostName, HostPersonCode, HostRole, Kind, visits, people, Note, Reference), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Errors;
            return Page();
        }

        return RedirectToPage("/Reception/Details", new { id = result.Record!.Id });
    }

    /// <summary>The code of the caller's own scope unit as it now is, the forms' default unit.</summary>
    public static async Task<string?> OwnUnitCodeAsync(CallerScope scope, Caller caller, CancellationToken cancellationToken) =>
        caller.ScopeUnitId is { } own && (await scope.GraphAsync(cancellationToken)).Latest(own) is { } unit ? unit.Code : null;

    /// <summary>A count typed in a form: null when empty, an error (the range the records accept) when it is not a whole number.</summary>
    public static int? Count(string? value, string field, List<FieldError> errors, int most = 100000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        errors.Add(RecordMessages.OutOfRange.For(field, value, 0, most));
        return null;
    }
}
