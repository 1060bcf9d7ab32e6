using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accountability;

namespace Oversight.Web.Pages.Inspections;

/// <summary>An inspection or supervision: its decision, team, targets, findings, conclusion and the tasks it set (see <see cref="DirectiveChain.InspectionAsync"/>).</summary>
public sealed class DetailsModel(DirectiveChain chain) : PageModel
{
    public InspectionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
