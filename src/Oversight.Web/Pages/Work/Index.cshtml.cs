using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Notifications;

namespace Oversight.Web.Pages.Work;

/// <summary>
/// "My work", the inbox: what waits for the signed-in person and their units, each kind with its count, the first
/// of them by deadline and a link to the register listing them all; cases due within a number of days (7 unless
/// <c>days</c> says otherwise).
/// </summary>
public sealed class IndexModel(Inbox inbox) : PageModel
{
    public const int MaxDays = 365;

    /// <summary>Up to this many things of each kind are shown; the registers list the rest.</summary>
    public const int Shown = 20;

    [BindProperty(SupportsGet = true, Name = "days")]
    public int Days { get; set; } = Inbox.DefaultDays;

    /// <summary>The days given were not a number from 0 to <see cref="MaxDays"/>; the default was used.</summary>
    public bool DaysInvalid { get; private set; }

    public InboxView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || Days is < 0 or > MaxDays)
        {
            DaysInvalid = true;
            Days = Inbox.DefaultDays;
        }

        View = await inbox.ReadAsync(Days, Shown, withReception: true, cancellationToken);
    }
}
