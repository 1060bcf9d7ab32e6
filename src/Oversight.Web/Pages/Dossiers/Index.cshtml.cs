using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.PublicServices;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Dossiers;

/// <summary>The register of dossiers copied from the public-service portal: received in the period, newest first, by level, channel and state.</summary>
public sealed class IndexModel(DossierRegister register, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : AccountabilityFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "channel")]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    /// <summary>The page of dossiers; null when the filters are in error.</summary>
    public RegisterPage<DossierEntry>? Found { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);

    /// <summary>Every dossier the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "dossiers",
        Text["Dossiers.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Dossiers.Field.Code"], row => row.Code),
            new(Text["Dossiers.Field.ReceivedOn"], row => row.ReceivedOn),
            new(Text["Dossiers.Field.Procedure"], row => row.ProcedureName),
            new(Text["Dossiers.Field.ProcedureCode"], row => row.ProcedureCode),
            new(Text["Dossiers.Field.Field"], row => row.Field),
            new(Text["Dossiers.Field.Level"], row => Text.Named(row.Level)),
            new(Text["Dossiers.Field.Unit"], row => row.Unit),
            new(Text["Dossiers.Field.Channel"], row => Text.Named(row.Channel)),
            new(Text["Dossiers.Field.OnlineService"], row => Text.Named(row.OnlineService)),
            new(Text["Dossiers.Field.DueOn"], row => row.DueOn),
            new(Text["Dossiers.Field.CompletedOn"], row => row.CompletedOn),
            new(Text["Dossiers.Field.Result"], row => row.Result is { } result ? Text.Named(result) : null),
            new(Text["Dossiers.Field.Satisfaction"], row => (long?)row.Satisfaction),
        ]);

    private Task<RegisterPage<DossierEntry>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var level = Choice<ServiceLevel>(Level, "level");
        var channel = Choice<DossierChannel>(Channel, "channel");
        var state = Choice<DossierState>(State, "state");
        return ReadAsync(
            filter => register.PageAsync(new DossierFilter(filter.UnitCode, filter.UnitAsOf, filter.From, filter.To, level, channel, state), slice, cancellationToken),
            cancellationToken);
    }
}
