using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Units;

/// <summary>
/// One unit on one day: what it is, where it hangs, what is under it, who holds posts in it, what it came from
/// and became, and its audit history. A unit that did not exist on the day, or lies outside the caller's scope,
/// is not found (404); the page then names the days on which the code did name a unit the caller may see.
/// </summary>
public sealed class DetailsModel(UnitDirectory units, PersonDirectory people, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    public DateOnly AsOf { get; private set; }

    public bool AsOfInvalid { get; private set; }

    public UnitDetails? Details { get; private set; }

    /// <summary>The unit's parent on the day, when the caller may see it.</summary>
    public UnitSnapshot? Parent { get; private set; }

    public IReadOnlyList<UnitPerson> Posts { get; private set; } = [];

    /// <summary>For a Party branch, its members on the day.</summary>
    public int? MemberCount { get; private set; }

    public IReadOnlyList<AuditChangeView> Changes { get; private set; } = [];

    /// <summary>When the unit is not found: the units the caller may see that carried the code on other days.</summary>
    public IReadOnlyList<UnitSnapshot> SameCodeOnOtherDays { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        (AsOf, AsOfInvalid) = AsOfDate.Parse(AsOfText, units.Today);
        Details = await units.DetailsAsync(Code, AsOf, cancellationToken);
        if (Details is null)
        {
            SameCodeOnOtherDays = (await units.SearchAsync(Code, null, 20, cancellationToken))
                .Where(u => string.Equals(u.Code, Code.Trim(), StringComparison.OrdinalIgnoreCase))
                .ToArray();
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var unit = Details.Unit;
        Parent = Details.Ancestors.LastOrDefault(a => a.Id == unit.ParentId);
        Posts = await people.PostsInUnitAsync(unit.Id, AsOf, cancellationToken);
        if (unit.Kind == UnitKind.PartyBranch)
        {
            MemberCount = await people.MemberCountAsync(unit.Id, AsOf, cancellationToken);
        }

        var history = await units.AuditHistoryAsync(Code, AsOf, 100, cancellationToken) ?? [];
        Changes = AuditChanges.Describe(history, await NamesAsync(AuditChanges.ReferencedIds(history), cancellationToken), text, nameof(UnitVersion.UnitId));
        return Page();
    }

    /// <summary>Names for the ids an audit history mentions: units by name and code, people the caller may see by name.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlySet<Guid> ids, CancellationToken cancellationToken)
    {
        var graph = await units.GraphAsync(cancellationToken);
        var names = new Dictionary<Guid, string>();
        foreach (var id in ids)
        {
            if (graph.Latest(id) is { } unit)
            {
                names[id] = $"{unit.Name} ({unit.Code})";
            }
            else if (await people.GetAsync(id, cancellationToken) is { } person)
            {
                names[id] = person.Person.FullName;
            }
        }

        return names;
    }

    /// <summary>A day on which <paramref name="unit"/> existed, as near <paramref name="preferred"/> as possible, for links to its page.</summary>
    public static DateOnly DayWithin(UnitSnapshot unit, DateOnly preferred)
    {
        var day = preferred;
        if (unit.ValidTo is { } to && day > to)
        {
            day = to;
        }

        if (unit.ValidFrom is { } from && day < from)
        {
            day = from;
        }

        return day;
    }
}
