using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Web.Pages.Units;

namespace Oversight.Web.Pages.Search;

/// <summary>
/// Units and people by name, ignoring diacritics and đ/Đ ("chuong my" finds "Chương Mỹ"). Without an "as of"
/// date, units of every period are found, each in its last name; a unit that no longer exists says what it became
/// ("Xã Tốt Động: since 01/07/2025 part of Xã Quảng Bị"), and the units it became are listed after it.
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

    /// <summary>What each unit found that no longer exists became, by its id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<LineageView>> Became { get; private set; } = new Dictionary<Guid, IReadOnlyList<LineageView>>();

    public IReadOnlyList<Person> People { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    /// <summary>The name search found <see cref="Limit"/> units, so that more may match (the units they became come on top).</summary>
    public bool UnitsLimited { get; private set; }

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

        var found = await units.SearchAsync(Query!, AsOf, Limit, cancellationToken);
        var became = new Dictionary<Guid, IReadOnlyList<LineageView>>();
        foreach (var ended in found.Where(u => u.ValidTo is not null))
        {
            if (await units.LineageAsync(ended.Code, ended.ValidTo, cancellationToken) is { Successors.Count: > 0 } lineage)
            {
                became[ended.Id] = lineage.Successors;
            }
        }

        var successors = became.Values.SelectMany(v => v).Where(v => v.InScope).Select(v => v.Step.Unit);
        Units = found.Concat(successors).DistinctBy(u => u.Id).ToList();
        UnitsLimited = found.Count == Limit;
        Became = became;
        People = await people.SearchAsync(Query!, Limit, cancellationToken);
    }
}
