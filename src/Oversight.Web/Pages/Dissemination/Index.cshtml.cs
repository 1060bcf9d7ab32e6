using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Dissemination;

/// <summary>The register of dissemination events: held in the period, newest first, online or in person.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "format")]
    public string? Format { get; set; }

    /// <summary>The page of events; null when the filters are in error.</summary>
    public RegisterPage<EventRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every event the filters match, with the attendance of the units in the caller's scope, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "dissemination",
        Text["Dissemination.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Directives.Column.Date"], row => row.HeldOn),
            new(Text["Directives.Field.Title"], row => row.Title),
            new(Text["Dissemination.Field.Organiser"], row => row.Organiser),
            new(Text["Dissemination.Field.Format"], row => Text.Named(row.Online ? EventFormat.Online : EventFormat.InPerson)),
            new(Text["Dissemination.Field.Units"], row => row.Units),
            new(Text["Directives.Column.Invited"], row => row.Invited),
            new(Text["Directives.Column.Attended"], row => row.Attended),
        ]);

    private Task<RegisterPage<EventRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var format = Choice<EventFormat>(Format, "format");
        return ReadAsync(filter => register.EventsAsync(filter, format, slice, cancellationToken), cancellationToken);
    }
}
