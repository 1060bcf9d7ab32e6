using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Moves;

/// <summary>A personnel move with its history; outside the caller's scope it does not exist (404).</summary>
public sealed class DetailsModel(AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public MoveView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Register.MoveAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await ReadHistoryAsync<PersonnelMove>(id, nameof(PersonnelMove.Id), cancellationToken);
        return Page();
    }
}
