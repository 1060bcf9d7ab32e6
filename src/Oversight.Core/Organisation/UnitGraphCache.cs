using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Organisation;

/// <summary>
/// Holds the current <see cref="UnitGraph"/> for the process and rebuilds it when the structure stamp in the
/// database changes, so several application nodes stay current without talking to each other.
/// </summary>
public sealed class UnitGraphCache
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private volatile UnitGraph? current;

    public async Task<UnitGraph> GetAsync(OversightDbContext db, CancellationToken cancellationToken = default)
    {
        var stamp = await db.StructureStamps.AsNoTracking()
            .Where(s => s.Id == StructureStamp.SingletonId)
            .Select(s => (Guid?)s.Version)
            .SingleOrDefaultAsync(cancellationToken) ?? Guid.Empty;
        var graph = current;
        if (graph is not null && graph.Version == stamp)
        {
            return graph;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            graph = current;
            if (graph is not null && graph.Version == stamp)
            {
                return graph;
            }

            var unitRows = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
            var versionRows = await db.UnitVersions.AsNoTracking().ToListAsync(cancellationToken);
            var linkRows = await db.LineageLinks.AsNoTracking()
                .Join(db.LineageEvents.AsNoTracking(), l => l.EventId, e => e.Id, (l, e) => new { Link = l, Event = e })
                .ToListAsync(cancellationToken);
            graph = new UnitGraph(stamp, unitRows, versionRows, linkRows.Select(r => (r.Link, r.Event)));
            current = graph;
            return graph;
        }
        finally
        {
            loading.Release();
        }
    }
}
