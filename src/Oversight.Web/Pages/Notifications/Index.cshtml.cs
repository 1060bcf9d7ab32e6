using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Notifications;

namespace Oversight.Web.Pages.Notifications;

/// <summary>
/// The signed-in person's notifications, newest first: daily digests and the overdue cases escalated to them. Those not
/// read before are marked new, and read once shown.
/// </summary>
public sealed class IndexModel(NotificationCentre centre) : PageModel
{
    public IReadOnlyList<Notification> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Notifications = await centre.LatestAsync(cancellationToken);
        await centre.MarkReadAsync(Notifications.Where(n => n.ReadAt is null).Select(n => n.Id).ToList(), cancellationToken);
    }
}
