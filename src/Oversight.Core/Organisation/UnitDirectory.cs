using Oversight.Accounts;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Text;
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

/// <summary>
/// A unit offered for a name typed in a unit picker, as it stood on the day the form reads units on. When it is offered
/// because of another unit the name found, that unit's name: one that went into it (<c>Xã Quảng Bị</c> for "Tốt Động",
/// once Xã Tốt Động had merged into it), or one it went into later.
/// </summary>
/// <param name="Unit">The unit offered.</param>
/// <param name="Includes">The name of the unit found that went into it, if it is offered for that one.</param>
/// <param name="WentInto">The name of the later unit found that it went into, if it is offered for that one.</param>
public sealed record UnitChoice(UnitSnapshot Unit, string? Includes = null, string? WentInto = null)
{
    /// <summary>Offered for another unit the name found.</summary>
    public bool Through => Includes is not null || WentInto is not null;

    /// <summary>The unit no longer existed on the day (it is offered because its code still leads to it).</summary>
    public bool Former(DateOnly day) => Unit.ValidTo < day;
}

/// <summary>The unit a typed name stands for when one does (<paramref name="Unit"/>), otherwise the units it may stand for.</summary>
/// <param name="Unit">The one unit the name stands for; null when none or several do.</param>
/// <param name="Choices">The units whose name matches, for the caller to choose from.</param>
public sealed record UnitPick(UnitSnapshot? Unit, IReadOnlyList<UnitChoice> Choices);

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

    /// <summary>
    /// The units a name typed in a unit picker may stand for on <paramref name="day"/>, within the caller's scope, any
    /// name a unit ever had included, diacritics ignored: the units of that day whose name matches; those a matching
    /// unit went into or was formed from (a commune merged away leads to the one its area went to); and a matching
    /// unit that no longer exists then, while its code leads to it. Administrative units (communes, districts) before
    /// the bodies in them; each in that order.
    /// </summary>
    public async Task<IReadOnlyList<UnitChoice>> ChoicesAsync(string query, DateOnly day, int limit = 20, CancellationToken cancellationToken = default)
    {
        var (graph, filter) = await LoadAsync(cancellationToken);
        var found = graph.Search(query, null, filter.UnitIds, int.MaxValue);
        var current = found.Select(u => graph.At(u.Id, day)).OfType<UnitSnapshot>().Select(u => new UnitChoice(u));
        var gone = found.Where(u => graph.At(u.Id, day) is null).ToArray();
        var through = gone
            .SelectMany(u => (u.ValidTo < day ? graph.Successors(u.Id) : graph.Predecessors(u.Id))
                .Select(step => graph.At(step.Unit.Id, day))
                .OfType<UnitSnapshot>()
                .Where(other => filter.Contains(other.Id))
                .Select(other => u.ValidTo < day ? new UnitChoice(other, Includes: u.Name) : new UnitChoice(other, WentInto: u.Name)));
        var former = gone.Where(u => u.ValidTo < day && graph.Find(u.Code, day) is null && graph.FindLast(u.Code)?.Id == u.Id).Select(u => new UnitChoice(u));
        return current.Concat(through).Concat(former)
            .DistinctBy(c => c.Unit.Id)
            .OrderBy(c => c.Unit.Kind.IsAdministrative() ? 0 : 1)
            .Take(limit)
            .ToArray();
    }

    /// <summary>
    /// The unit a name typed in a unit picker stands for on <paramref name="day"/> (<see cref="ChoicesAsync"/>): the only
    /// choice; or else the only one whose own name is the name typed, with or without the word for its kind ("Chương
    /// Mỹ" for "Huyện Chương Mỹ", an administrative unit); otherwise none, and the choices.
    /// </summary>
    public async Task<UnitPick> PickAsync(string query, DateOnly day, CancellationToken cancellationToken = default)
    {
        var choices = await ChoicesAsync(query, day, cancellationToken: cancellationToken);
        if (choices.Count == 1)
        {
            return new UnitPick(choices[0].Unit, choices);
        }

        var folded = VietnameseText.Fold(query);
        bool Named(UnitSnapshot unit) => VietnameseText.Fold(unit.Name) is var name
            && (name == folded || (unit.Kind.IsAdministrative() && name.EndsWith(" " + folded, StringComparison.Ordinal)));
        var named = choices.Where(c => !c.Through && Named(c.Unit)).ToArray();
        return new UnitPick(named.Length == 1 ? named[0].Unit : null, choices);
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
