using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Web.Pages.Units;

namespace Oversight.Web.Pages.Search;

/// <summary>
/// Units and people by name, ignoring diacritics and đ/Đ ("chuong my" finds "Chương Mỹ"). Without an "as of"
/// date, units of every period are found, each in its last name.
/// </summary>
public sealed class IndexModel(UnitDirectory units, PersonDirectory people) : PageModel
{
    public const int Limit = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    /// <summary>The date units must exist on; null searches every period.</summary>
    public DateOnly? AsOf { get; private set; }

    public bool AsOfInvalid { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<UnitSnapshot> Units { get; private set; } = [];

    public IReadOnlyList<Person> People { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = units.Today;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            var (day, invalid) = AsOfDate.Parse(AsOfText, Today);
            (AsOf, AsOfInvalid) = (invalid ? null : day, invalid);
        }

        if (!Searched)
        {
            return;
        }

        Units = await units.SearchAsync(Query!, AsOf, Limit, cancellationToken);
        People = await people.SearchAsync(Query!, Limit, cancellationToken);
    }
}
