using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Accountability;

namespace Oversight.Web.Pages.Dissemination;

/// <summary>A dissemination event with the attendance of the units in the caller's scope and its history; outside the scope it does not exist (404).</summary>
public sealed class DetailsModel(AccountabilityRegister register, IStringLocalizer<Strings> text) : RecordPageModel(register, text)
{
    public EventView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Register.EventAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        await ReadHistoryAsync<DisseminationEvent>(id, nameof(DisseminationAttendance.EventId), cancellationToken);
        return Page();
    }
}
