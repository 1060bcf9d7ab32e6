using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accountability;

namespace Oversight.Web.Pages.Directives;

/// <summary>A directive with its whole chain, as far as the caller's scope reaches (see <see cref="DirectiveChain"/>).</summary>
public sealed class DetailsModel(DirectiveChain chain) : PageModel
{
    public DirectiveChainView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.ForAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
