using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Discipline;

/// <summary>A discipline decision with its history; outside the caller's scope it does not exist (404).</summary>
public sealed class DetailsModel(AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public DecisionView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Register.DecisionAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await ReadHistoryAsync<DisciplineDecision>(id, nameof(DecisionManifestation.DecisionId), cancellationToken);
        return Page();
    }
}
