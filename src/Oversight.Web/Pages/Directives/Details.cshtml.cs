using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Directives;

/// <summary>A directive with its whole chain, as far as the caller's scope reaches (see <see cref="DirectiveChain"/>), and its history.</summary>
public sealed class DetailsModel(DirectiveChain chain, AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public DirectiveChainView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.ForAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await ReadHistoryAsync<Directive>(id, nameof(Manifestation.DirectiveId), cancellationToken);
        return Page();
    }
}
