using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Inspections;

/// <summary>The register of inspections and supervisions: those decided in the period, newest first, as far as the caller's scope reaches.</summary>
public sealed class IndexModel(AccountabilityRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>The page of inspections; null when the filters are in error.</summary>
    public RegisterPage<InspectionRow>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every inspection the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "inspections",
        Text["Inspections.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Inspections.Field.DecidedOn"], row => row.DecidedOn),
            new(Text["Inspections.Field.Kind"], row => Text.Named(row.Kind)),
            new(Text["Directives.Field.Title"], row => row.Title),
            new(Text["Directives.Column.DecidedBy"], row => row.DecidedBy),
            new(Text["Inspections.Field.Targets"], row => row.Targets),
            new(Text["Inspections.Field.ConcludedOn"], row => row.ConcludedOn),
            new(Text["Inspections.Field.Tasks"], row => row.Tasks),
        ]);

    private Task<RegisterPage<InspectionRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var kind = Choice<InspectionKind>(Kind, "kind");
        return ReadAsync(filter => register.InspectionsAsync(filter, kind, slice, cancellationToken), cancellationToken);
    }
}
