using System.Collections.Concurrent;
using System.Collections.Frozen;
using Oversight.Text;

namespace Oversight.Organisation;

/// <summary>A unit as it was on one day: its identity with the version in force then.</summary>
public sealed record UnitSnapshot(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    Guid? ParentId,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    DateOnly? VersionFrom,
    DateOnly? VersionTo);

/// <summary>One step along a unit's lineage: the unit reached, on which date, and whether only part of it (or an uncertain part) is meant.</summary>
public sealed record LineageStep(
    UnitSnapshot Unit,
    DateOnly Date,
    LineageKind Kind,
    bool Partial,
    bool Uncertain,
    string? LegalBasis,
    int Depth);

/// <summary>What a unit of today is made of: see <see cref="UnitGraph.Composition"/>.</summary>
public sealed record UnitComposition(IReadOnlySet<Guid> Whole, IReadOnlyList<(UnitSnapshot From, IReadOnlySet<Guid> Units)> Partial);

/// <summary>
/// The whole unit structure in memory, over all time: versions, parents and lineage. Immutable; the
/// <see cref="UnitGraphCache"/> replaces it when the structure changes.
/// </summary>
/// <remarks>
/// The country has some 15,000 administrative units over 2024–2025 plus their bodies; held in memory, every
/// tree and lineage question is answered without a database round trip.
/// </remarks>
public sealed class UnitGraph
{
    private readonly FrozenDictionary<Guid, UnitRecord> units;
    private readonly FrozenDictionary<Guid, UnitVersionRecord[]> childVersionsByParent;
    private readonly FrozenDictionary<string, UnitRecord[]> unitsByCode;
    private readonly FrozenDictionary<Guid, LinkRecord[]> linksFrom;
    private readonly FrozenDictionary<Guid, LinkRecord[]> linksTo;
    private readonly ConcurrentDictionary<Guid, FrozenSet<Guid>> scopes = new();

    public UnitGraph(Guid version, IEnumerable<Unit> unitRows, IEnumerable<UnitVersion> versionRows, IEnumerable<(LineageLink Link, LineageEvent Event)> linkRows)
    {
        Version = version;
        var versionsByUnit = versionRows.GroupBy(v => v.UnitId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.ValidFrom ?? DateOnly.MinValue)
            .Select(v => new UnitVersionRecord(v.UnitId, v.Name, v.SearchName.Length > 0 ? v.SearchName : VietnameseText.Fold(v.Name), v.Kind, v.ParentId, v.ValidFrom, v.ValidTo)).ToArray());
        units = unitRows.ToFrozenDictionary(u => u.Id, u => new UnitRecord(u.Id, u.Code, u.ValidFrom, u.ValidTo, versionsByUnit.GetValueOrDefault(u.Id) ?? []));
        childVersionsByParent = units.Values.SelectMany(u => u.Versions).Where(v => v.ParentId is not null)
            .GroupBy(v => v.ParentId!.Value).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        unitsByCode = units.Values.GroupBy(u => u.Code, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom ?? DateOnly.MinValue).ToArray(), StringComparer.OrdinalIgnoreCase);
        var links = linkRows.Select(r => new LinkRecord(r.Link.PredecessorId, r.Link.SuccessorId, r.Event.Date, r.Event.Kind, r.Link.Partial, r.Link.Uncertain, r.Event.LegalBasis)).ToArray();
        linksFrom = links.GroupBy(l => l.PredecessorId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
        linksTo = links.GroupBy(l => l.SuccessorId).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The structure stamp this graph was built from.</summary>
    public Guid Version { get; }

    public int UnitCount => units.Count;

    public IEnumerable<Guid> AllUnitIds => units.Keys;

    /// <summary>The unit that carries <paramref name="code"/> on <paramref name="asOf"/>, as it was then.</summary>
    public UnitSnapshot? Find(string code, DateOnly asOf)
    {
        if (!unitsByCode.TryGetValue(code.Trim(), out var candidates))
        {
            return null;
        }

        return candidates.Select(u => Snapshot(u, asOf)).FirstOrDefault(s => s is not null);
    }

    /// <summary>
    /// The unit that carried <paramref name="code"/> last, in its last version, whether or not it still exists (the
    /// district 277 dissolved in 2025); null when no unit ever carried it.
    /// </summary>
    public UnitSnapshot? FindLast(string code) =>
        unitsByCode.TryGetValue(code.Trim(), out var candidates) && candidates.Where(u => u.Versions.Length > 0).MaxBy(u => u.ValidTo ?? DateOnly.MaxValue) is { } last
            ? ToSnapshot(last, last.Versions[^1])
            : null;

    /// <summary>The unit as it was on <paramref name="asOf"/>; null when it did not exist then.</summary>
    public UnitSnapshot? At(Guid id, DateOnly asOf) => units.TryGetValue(id, out var unit) ? Snapshot(unit, asOf) : null;

    /// <summary>The unit in its last version, whether or not it still exists.</summary>
    public UnitSnapshot? Latest(Guid id)
    {
        if (!units.TryGetValue(id, out var unit) || unit.Versions.Length == 0)
        {
            return null;
        }

        return ToSnapshot(unit, unit.Versions[^1]);
    }

    /// <summary>The unit's name on <paramref name="day"/>, or its last name when it did not exist then; empty for an unknown unit.</summary>
    public string NameOn(Guid id, DateOnly day) => (At(id, day) ?? Latest(id))?.Name ?? string.Empty;

    /// <summary>Every version of a unit, oldest first.</summary>
    public IReadOnlyList<UnitSnapshot> History(Guid id) =>
        units.TryGetValue(id, out var unit) ? unit.Versions.Select(v => ToSnapshot(unit, v)).ToArray() : [];

    /// <summary>The units without a parent on <paramref name="asOf"/> (provinces), by code.</summary>
    public IReadOnlyList<UnitSnapshot> Roots(DateOnly asOf) =>
        units.Values.Select(u => Snapshot(u, asOf)).OfType<UnitSnapshot>().Where(s => s.ParentId is null)
            .OrderBy(s => s.Code, StringComparer.Ordinal).ToArray();

    /// <summary>The units directly under <paramref name="id"/> on <paramref name="asOf"/>: administrative units first, then bodies, by code.</summary>
    public IReadOnlyList<UnitSnapshot> Children(Guid id, DateOnly asOf)
    {
        if (!childVersionsByParent.TryGetValue(id, out var versions))
        {
            return [];
        }

        return versions.Where(v => v.IsValidOn(asOf))
            .Select(v => units[v.UnitId])
            .Where(u => u.IsValidOn(asOf))
            .Distinct()
            .Select(u => Snapshot(u, asOf)!)
            .OrderBy(s => s.Kind.IsAdministrative() ? 0 : 1)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The unit and everything under it on <paramref name="asOf"/>, parents before children.</summary>
    public IReadOnlyList<UnitSnapshot> Subtree(Guid id, DateOnly asOf)
    {
        var result = new List<UnitSnapshot>();
        if (At(id, asOf) is not { } root)
        {
            return result;
        }

        var queue = new Queue<UnitSnapshot>([root]);
        while (queue.TryDequeue(out var next))
        {
            result.Add(next);
            foreach (var child in Children(next.Id, asOf))
            {
                queue.Enqueue(child);
            }
        }

        return result;
    }

    /// <summary>The units above <paramref name="id"/> on <paramref name="asOf"/>, from the root down to its parent.</summary>
    public IReadOnlyList<UnitSnapshot> Ancestors(Guid id, DateOnly asOf)
    {
        var result = new List<UnitSnapshot>();
        var seen = new HashSet<Guid> { id };
        var current = At(id, asOf);
        while (current?.ParentId is { } parentId && seen.Add(parentId) && At(parentId, asOf) is { } parent)
        {
            result.Add(parent);
            current = parent;
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// What became of a unit: every later unit its area went to, through merges and splits, each with the date
    /// and whether only part of it (or an uncertain part) went there. Renames and moves keep the unit itself.
    /// </summary>
    public IReadOnlyList<LineageStep> Successors(Guid id) => Walk(id, linksFrom, l => l.SuccessorId);

    /// <summary>What a unit was formed from: every earlier unit, through merges and splits.</summary>
    public IReadOnlyList<LineageStep> Predecessors(Guid id) => Walk(id, linksTo, l => l.PredecessorId);

    /// <summary>
    /// Every unit an account scoped to <paramref name="scopeUnitId"/> may see: the units ever under it, and the
    /// units ever under the units it was formed from (a record made in Xã Tốt Động in 2024 belongs to whoever
    /// looks after today's Xã Quảng Bị).
    /// </summary>
    public FrozenSet<Guid> Scope(Guid scopeUnitId) => scopes.GetOrAdd(scopeUnitId, ComputeScope);

    /// <summary>Units whose name (any version, diacritics and đ ignored) contains the query, existing on <paramref name="asOf"/> when given.</summary>
    public IReadOnlyList<UnitSnapshot> Search(string query, DateOnly? asOf, IReadOnlySet<Guid>? within, int limit)
    {
        var folded = VietnameseText.Fold(query);
        if (folded.Length == 0)
        {
            return [];
        }

        var byCode = unitsByCode.TryGetValue(query.Trim(), out var codeMatches) ? codeMatches : [];
        return byCode.Concat(units.Values.Where(u => u.Versions.Any(v => v.SearchName.Contains(folded, StringComparison.Ordinal))))
            .Distinct()
            .Where(u => within is null || within.Contains(u.Id))
            .Select(u => asOf is { } day ? Snapshot(u, day) : ToSnapshot(u, u.Versions[^1]))
            .OfType<UnitSnapshot>()
            .OrderBy(s => s.Kind.IsAdministrative() ? 0 : 1)
            .ThenBy(s => s.Name.Length)
            .ThenBy(s => s.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
    }

    /// <summary>
    /// What today's unit <paramref name="id"/> is made of, over all time: the units ever under it or under a unit
    /// it was wholly formed from (<c>Whole</c>), and, for each unit only part of which went into it, the units ever
    /// under that one (<c>Partial</c>), whose records cannot be assigned to it.
    /// </summary>
    public UnitComposition Composition(Guid id)
    {
        var steps = Predecessors(id);
        var whole = Descendants(steps.Where(s => !s.Partial).Select(s => s.Unit.Id).Prepend(id));
        var partial = steps.Where(s => s.Partial && !whole.Contains(s.Unit.Id))
            .Select(s => (s.Unit, Units: (IReadOnlySet<Guid>)Descendants([s.Unit.Id]).Where(u => !whole.Contains(u)).ToHashSet()))
            .ToArray();
        return new UnitComposition(whole, partial);
    }

    /// <summary>The unit and every unit ever under it.</summary>
    public IReadOnlySet<Guid> EverUnder(Guid id) => Descendants([id]);

    private FrozenSet<Guid> ComputeScope(Guid scopeUnitId) =>
        Descendants(Predecessors(scopeUnitId).Select(step => step.Unit.Id).Prepend(scopeUnitId)).ToFrozenSet();

    /// <summary>The units and every unit ever under them.</summary>
    private HashSet<Guid> Descendants(IEnumerable<Guid> roots)
    {
        var result = new HashSet<Guid>();
        var queue = new Queue<Guid>(roots);
        while (queue.TryDequeue(out var next))
        {
            if (!result.Add(next) || !childVersionsByParent.TryGetValue(next, out var children))
            {
                continue;
            }

            foreach (var child in children)
            {
                queue.Enqueue(child.UnitId);
            }
        }

        return result;
    }

    private List<LineageStep> Walk(Guid id, FrozenDictionary<Guid, LinkRecord[]> links, Func<LinkRecord, Guid> next)
    {
        var result = new List<LineageStep>();
        var queue = new Queue<(Guid Id, bool Partial, bool Uncertain, int Depth)>([(id, false, false, 0)]);
        var visited = new HashSet<Guid> { id };
        while (queue.TryDequeue(out var current))
        {
            if (!links.TryGetValue(current.Id, out var outgoing))
            {
                continue;
            }

            foreach (var link in outgoing.OrderBy(l => l.Date))
            {
                var target = next(link);
                if (target == current.Id || !visited.Add(target) || Latest(target) is not { } unit)
                {
                    continue;
                }

                var step = new LineageStep(unit, link.Date, link.Kind, current.Partial || link.Partial, current.Uncertain || link.Uncertain, link.LegalBasis, current.Depth + 1);
                result.Add(step);
                queue.Enqueue((target, step.Partial, step.Uncertain, step.Depth));
            }
        }

        return result;
    }

    private static UnitSnapshot? Snapshot(UnitRecord unit, DateOnly asOf)
    {
        if (!unit.IsValidOn(asOf))
        {
            return null;
        }

        var version = Array.Find(unit.Versions, v => v.IsValidOn(asOf));
        return version is null ? null : ToSnapshot(unit, version);
    }

    private static UnitSnapshot ToSnapshot(UnitRecord unit, UnitVersionRecord version) =>
        new(unit.Id, unit.Code, version.Name, version.Kind, version.ParentId, unit.ValidFrom, unit.ValidTo, version.ValidFrom, version.ValidTo);

    private sealed record UnitRecord(Guid Id, string Code, DateOnly? ValidFrom, DateOnly? ValidTo, UnitVersionRecord[] Versions)
    {
        public bool IsValidOn(DateOnly day) => Dates.Covers(ValidFrom, ValidTo, day);
    }

    private sealed record UnitVersionRecord(Guid UnitId, string Name, string SearchName, UnitKind Kind, Guid? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo)
    {
        public bool IsValidOn(DateOnly day) => Dates.Covers(ValidFrom, ValidTo, day);
    }

    private sealed record LinkRecord(Guid PredecessorId, Guid SuccessorId, DateOnly Date, LineageKind Kind, bool Partial, bool Uncertain, string? LegalBasis);
}
