using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Petitions;

namespace Oversight.Web.Pages.Dialogues;

/// <summary>A dialogue meeting: its facts and the cases it discussed. Not found (404) outside the caller's scope.</summary>
public sealed class DetailsModel(ReceptionRecords records, ReceptionRegister register) : PageModel
{
    public DialogueMeeting Meeting { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public IReadOnlyList<LinkedCase> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await records.FindMeetingAsync(id, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        UnitName = await register.UnitNameAsync(meeting.UnitId, meeting.HeldOn, cancellationToken);
        Cases = await register.MeetingCasesAsync(meeting, cancellationToken);
        return Page();
    }
}
