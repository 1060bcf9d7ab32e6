using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Microsoft.EntityFrameworkCore;

namespace Oversight.Organisation;

/// <summary>A lineage step as the caller sees it: units outside their scope are named but not linked.</summary>
public sealed record LineageView(LineageStep Step, bool InScope);

/// <summary>Everything the unit page shows about one unit on one day.</summary>
public sealed record UnitDetails(
    UnitSnapshot Unit,
    DateOnly AsOf,
    IReadOnlyList<UnitSnapshot> Ancestors,
    IReadOnlyList<UnitSnapshot> Subunits,
    IReadOnlyList<UnitSnapshot> Bodies,
    IReadOnlyList<UnitSnapshot> History,
    IReadOnlyList<LineageView> Predecessors,
    IReadOnlyList<LineageView> Successors);

/// <summary>Predecessors and successors of a unit.</summary>
public sealed record UnitLineage(UnitSnapshot Unit, IReadOnlyList<LineageView> Predecessors, IReadOnlyList<LineageView> Successors);

/// <summary>
/// The organisation registry as the caller may see it. Every method answers null (not found) for a unit that
/// does not exist on the date or lies outside the caller's scope.
/// </summary>
public sealed class UnitDirectory(CallerScope scope, OversightDbContext db, TimeProvider time)
{
    /// <summary>Today in Vietnam (UTC+7), the default "as of" date.</summary>
    public DateOnly Today => VietnamTime.Today(time);

    /// <summary>The whole unit graph; callers filter what they show with <see cref="CallerScope"/>.</summary>
    public Task<UnitGraph> GraphAsync(CancellationToken cancellationToken = default) => scope.GraphAsync(cancellationToken);

    public async Task<UnitSnapshot?> FindAsync(string code, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var (graph, filter) = await LoadAsync(cancellationToken);
        return Visible(graph.Find(code, asOf ?? Today), filter);
    }

    public async Task<IReadOnlyList<UnitSnapshot>?> ChildrenAsync(string code, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var day = asOf ?? Today;
        var (graph, filter) = await LoadAsync(cancellationToken);
        if (Visible(graph.Find(code, day), filter) is not { } unit)
        {
            return null;
        }

        return graph.Children(unit.Id, day).Where(c => filter.Contains(c.Id)).ToArray();
    }

    public async Task<UnitLineage?> LineageAsync(string code, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var (graph, filter) = await LoadAsync(cancellationToken);
        if (Visible(graph.Find(code, asOf ?? Today), filter) is not { } unit)
        {
            return null;
        }

        return new UnitLineage(unit, View(graph.Predecessors(unit.Id), filter), View(graph.Successors(unit.Id), filter));
    }

    public async Task<UnitDetails?> DetailsAsync(string code, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var day = asOf ?? Today;
        var (graph, filter) = await LoadAsync(cancellationToken);
        if (Visible(graph.Find(code, day), filter) is not { } unit)
        {
            return null;
        }

        var children = graph.Children(unit.Id, day).Where(c => filter.Contains(c.Id)).ToArray();
        return new UnitDetails(
            unit,
            day,
            graph.Ancestors(unit.Id, day).Where(a => filter.Contains(a.Id)).ToArray(),
            children.Where(c => c.Kind.IsAdministrative()).ToArray(),
            children.Where(c => !c.Kind.IsAdministrative()).ToArray(),
            graph.History(unit.Id),
            View(graph.Predecessors(unit.Id), filter),
            View(graph.Successors(unit.Id), filter));
    }

    /// <summary>
    /// Where the caller's tree starts on <paramref name="asOf"/>: the provinces for an administrator; otherwise
    /// the scope unit, or, before it existed, the units it was formed from.
    /// </summary>
    public async Task<IReadOnlyList<UnitSnapshot>> RootsAsync(DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var day = asOf ?? Today;
        var (graph, filter) = await LoadAsync(cancellationToken);
        if (filter.IsEverything)
        {
            return graph.Roots(day);
        }

        return filter.UnitIds!
            .Select(id => graph.At(id, day))
            .OfType<UnitSnapshot>()
            .Where(u => u.ParentId is null || !filter.Contains(u.ParentId.Value) || graph.At(u.ParentId.Value, day) is null)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Units whose name or code matches, ignoring diacritics and đ/Đ ("chuong my" finds "Chương Mỹ").</summary>
    public async Task<IReadOnlyList<UnitSnapshot>> SearchAsync(string query, DateOnly? asOf, int limit = 50, CancellationToken cancellationToken = default)
    {
        var (graph, filter) = await LoadAsync(cancellationToken);
        return graph.Search(query, asOf, filter.UnitIds, limit);
    }

    /// <summary>The audit entries that concern a unit, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>?> AuditHistoryAsync(string code, DateOnly? asOf, int limit = 100, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(code, asOf, cancellationToken) is not { } unit)
        {
            return null;
        }

        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.UnitId == unit.Id)
            .OrderByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    private async Task<(UnitGraph Graph, ScopeFilter Filter)> LoadAsync(CancellationToken cancellationToken) =>
        (await scope.GraphAsync(cancellationToken), await scope.FilterAsync(cancellationToken));

    private static UnitSnapshot? Visible(UnitSnapshot? unit, ScopeFilter filter) =>
        unit is not null && filter.Contains(unit.Id) ? unit : null;

    private static LineageView[] View(IEnumerable<LineageStep> steps, ScopeFilter filter) =>
        steps.Select(s => new LineageView(s, filter.Contains(s.Unit.Id))).ToArray();
}

/// <summary>Dates in Vietnam: UTC+7 all year.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Offset).DateTime);
}
