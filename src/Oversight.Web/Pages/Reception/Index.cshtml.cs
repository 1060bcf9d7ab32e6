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
        var filter = await FilterAsync(cancellationToken);
        var role = Choice<HostRole>(Role, "role");
        if (filter is null || FormErrors.Count > 0)
        {
            return;
        }

        Found = await register.ListSessionsAsync(filter, role, PageNumber, PageSize, cancellationToken);
        if (Found is null)
        {
            UnitNotFound(filter);
            return;
        }

        if (filter.UnitCode is { } unit)
        {
            Shortfalls = await frequency.ShortfallsAsync(unit, filter.From, filter.To, cancellationToken);
        }
    }
}
