using Microsoft.EntityFrameworkCore;
using Oversight.Data;
using Oversight.Text;

namespace Oversight.Accountability;

/// <summary>
/// Fills the folded search text of inspections and tasks saved before they kept one (every save keeps it since), at
/// start-up, a batch at a time. Derived data, like a case's: written without the audit trail.
/// </summary>
internal static class SearchTextBackfill
{
    private const int Batch = 1_000;

    public static async Task RunAsync(OversightDbContext db, CancellationToken cancellationToken)
    {
        while (await db.Inspections.Where(i => i.SearchText == string.Empty).Select(i => new { i.Id, i.Reference, i.DecisionNumber, i.Title })
            .Take(Batch).ToListAsync(cancellationToken) is { Count: > 0 } inspections)
        {
            foreach (var i in inspections)
            {
                var text = VietnameseText.SearchText($"{i.Reference} {i.DecisionNumber} {i.Title}");
                await db.Inspections.Where(r => r.Id == i.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SearchText, text), cancellationToken);
            }
        }

        while (await db.FollowUpTasks.Where(t => t.SearchText == string.Empty).Select(t => new { t.Id, t.Reference, t.Description })
            .Take(Batch).ToListAsync(cancellationToken) is { Count: > 0 } tasks)
        {
            foreach (var t in tasks)
            {
                var text = VietnameseText.SearchText($"{t.Reference} {t.Description}");
                await db.FollowUpTasks.Where(r => r.Id == t.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.SearchText, text), cancellationToken);
            }
        }
    }
}
