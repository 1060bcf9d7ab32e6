using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Inspections;

/// <summary>An inspection or supervision: its decision, team, targets, findings, conclusion, the tasks it set (see <see cref="DirectiveChain.InspectionAsync"/>) and its history.</summary>
public sealed class DetailsModel(DirectiveChain chain, AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public InspectionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await chain.InspectionAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await ReadHistoryAsync<Inspection>(id, nameof(TeamMember.InspectionId), cancellationToken);
        return Page();
    }
}
