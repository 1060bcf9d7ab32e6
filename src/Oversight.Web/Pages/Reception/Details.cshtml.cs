using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Petitions;

namespace Oversight.Web.Pages.Reception;

/// <summary>A reception session: its facts and the cases it produced. Not found (404) outside the caller's scope.</summary>
public sealed class DetailsModel(ReceptionRecords records, ReceptionRegister register) : PageModel
{
    public ReceptionSession Session { get; private set; } = null!;

    public string UnitName { get; private set; } = string.Empty;

    public IReadOnlyList<LinkedCase> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await records.FindSessionAsync(id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        UnitName = await register.UnitNameAsync(session.UnitId, session.HeldOn, cancellationToken);
        Cases = await register.SessionCasesAsync(session.Id, cancellationToken);
        return Page();
    }
}
