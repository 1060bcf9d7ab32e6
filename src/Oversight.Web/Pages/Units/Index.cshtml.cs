using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Organisation;

namespace Oversight.Web.Pages.Units;

/// <summary>A unit in the tree, with its children when it is open.</summary>
public sealed record TreeNode(UnitSnapshot Unit, int ChildCount, IReadOnlyList<TreeNode>? Children);

/// <summary>
/// The caller's part of the unit tree on an "as of" date. Works without JavaScript: the unit named by
/// <c>open</c> and its ancestors are shown open, every other unit is a link that opens it.
/// </summary>
public sealed class IndexModel(UnitDirectory units) : PageModel
{
    /// <summary>Up to this many roots are shown open at once (an officer's one or two); an administrator's provinces start closed.</summary>
    private const int RootsOpenedAtOnce = 3;

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Open { get; set; }

    public DateOnly AsOf { get; private set; }

    public bool AsOfInvalid { get; private set; }

    public IReadOnlyList<TreeNode> Roots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (AsOf, AsOfInvalid) = AsOfDate.Parse(AsOfText, units.Today);
        var roots = await units.RootsAsync(AsOf, cancellationToken);
        var opened = new HashSet<Guid>();
        if (roots.Count <= RootsOpenedAtOnce)
        {
            opened.UnionWith(roots.Select(r => r.Id));
        }

        if (!string.IsNullOrWhiteSpace(Open) && await units.DetailsAsync(Open, AsOf, cancellationToken) is { } open)
        {
            opened.Add(open.Unit.Id);
            opened.UnionWith(open.Ancestors.Select(a => a.Id));
        }

        Roots = await NodesAsync(roots, opened, cancellationToken);
    }

    private async Task<IReadOnlyList<TreeNode>> NodesAsync(IEnumerable<UnitSnapshot> level, HashSet<Guid> opened, CancellationToken cancellationToken)
    {
        var nodes = new List<TreeNode>();
        foreach (var unit in level)
        {
            var children = await units.ChildrenAsync(unit.Code, AsOf, cancellationToken) ?? [];
            var open = children.Count > 0 && opened.Contains(unit.Id);
            nodes.Add(new TreeNode(unit, children.Count, open ? await NodesAsync(children, opened, cancellationToken) : null));
        }

        return nodes;
    }
}
