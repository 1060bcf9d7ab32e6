using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Reception;

/// <summary>
/// The reception register: sessions in a unit's subtree over a period, newest first, one page at a time, and above
/// them the hosts who received citizens less often than the rule in force asks (<see cref="ReceptionFrequency"/>).
/// </summary>
public sealed class IndexModel(
    ReceptionRegister register,
    ReceptionFrequency frequency,
    CallerScope scope,
    Caller caller,
    TimeProvider time,
    IStringLocalizer<Strings> text) : RegisterFilterModel(scope, caller, time, text)
{
    [BindProperty(SupportsGet = true, Name = "role")]
    public string? Role { get; set; }

    /// <summary>The page of sessions; null when the filters are in error.</summary>
    public RegisterPage<SessionRow>? Found { get; private set; }

    /// <summary>The frequency warnings for the chosen unit and period; null when no unit is chosen.</summary>
    public IReadOnlyList<ReceptionShortfall>? Shortfalls { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Found = await FindAsync(RegisterSlice.OnePage(PageNumber, PageSize), cancellationToken);
        if (Found is not null && Filter!.UnitCode is { } unit)
        {
            Shortfalls = await frequency.ShortfallsAsync(unit, Filter.From, Filter.To, cancellationToken);
        }
    }

    /// <summary>Every session the filters match, as XLSX or CSV.</summary>
    public Task<IActionResult> OnGetExportAsync(string? file, CancellationToken cancellationToken) => ExportAsync(
        file,
        "reception",
        Text["Reception.Register.Title"],
        limit => FindAsync(RegisterSlice.FirstRows(limit), cancellationToken),
        [
            new(Text["Accountability.Field.Reference"], row => row.Reference),
            new(Text["Reception.Field.HeldOn"], row => row.HeldOn),
            new(Text["Reception.Field.HostName"], row => row.HostName),
            new(Text["Reception.Field.HostRole"], row => Text.HostRole(row.HostRole)),
            new(Text["Reception.Field.Kind"], row => Text.SessionKind(row.Kind)),
            new(Text["Cases.Field.Unit"], row => row.UnitName),
            new(Text["Reception.Field.Visits"], row => row.Visits),
            new(Text["Reception.Field.People"], row => row.People),
            new(Text["Reception.Field.CaseCount"], row => row.CaseCount),
        ]);

    protected override Task<DateOnly?> LastHeldOnAsync(ReceptionFilter filter, CancellationToken cancellationToken) =>
        register.LastHeldOnAsync(filter, meetings: false, cancellationToken);

    private Task<RegisterPage<SessionRow>?> FindAsync(RegisterSlice slice, CancellationToken cancellationToken)
    {
        var role = Choice<HostRole>(Role, "role");
        return ReadAsync(filter => register.ListSessionsAsync(filter, role, slice, cancellationToken), cancellationToken);
    }
}
