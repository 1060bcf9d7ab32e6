using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;

namespace Oversight.Notifications;

/// <summary>The signed-in person's notifications: how many are unread, the latest of them, and marking them read.</summary>
public sealed class NotificationCentre(OversightDbContext db, Caller caller, TimeProvider time)
{
    /// <summary>The page shows this many, the newest.</summary>
    public const int Latest = 100;

    public async Task<int> UnreadAsync(CancellationToken cancellationToken = default) =>
        caller.UserId is { } userId ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken) : 0;

    /// <summary>The caller's latest notifications, newest first.</summary>
    public async Task<IReadOnlyList<Notification>> LatestAsync(CancellationToken cancellationToken = default) =>
        caller.UserId is { } userId
            ? await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
                .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Latest).ToListAsync(cancellationToken)
            : [];

    /// <summary>Marks the caller's notifications among <paramref name="ids"/> read, those not read yet.</summary>
    public async Task MarkReadAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        if (caller.UserId is not { } userId || ids.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && ids.Contains(n.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
    }
}
