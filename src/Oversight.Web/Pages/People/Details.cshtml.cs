using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accounts;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Text;

namespace Oversight.Web.Pages.People;

/// <summary>
/// A person: Party membership and the posts they held. Not found (404) when none of their posts or branches lies
/// in the caller's scope; units of theirs outside the scope are named without a link.
/// </summary>
public sealed class DetailsModel(PersonDirectory people, UnitDirectory units, CallerScope scope) : PageModel
{
    private ScopeFilter filter = ScopeFilter.Nothing;

    public PersonDetails? Person { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Today = units.Today;
        Person = await people.GetAsync(id, cancellationToken);
        if (Person is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        filter = await scope.FilterAsync(cancellationToken);
        return Page();
    }

    /// <summary>The link to a unit's page on a day it existed within the period, or null when the caller may not see it.</summary>
    public string? UnitHref(UnitSnapshot? unit, DateOnly? from, DateOnly? to)
    {
        if (unit is null || !filter.Contains(unit.Id))
        {
            return null;
        }

        var day = to is { } end && end < Today ? end : Today;
        if (from is { } start && day < start)
        {
            day = start;
        }

        return $"/units/{Uri.EscapeDataString(unit.Code)}?asOf={IsoDate.Format(Units.DetailsModel.DayWithin(unit, day))}";
    }
}
