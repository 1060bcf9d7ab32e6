using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accountability;

namespace Oversight.Web.Pages.Directives;

/// <summary>The directives, newest first.</summary>
public sealed class IndexModel(DirectiveChain chain) : PageModel
{
    public IReadOnlyList<Directive> Directives { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Directives = await chain.ListAsync(cancellationToken);
}
