using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Oversight.Organisation;

namespace Oversight.Indicators;

/// <summary>
/// A key of rolled-up facts: the records of the units ever under <see cref="Root"/> (itself included) that share
/// one lifetime, the <see cref="Rollup"/>-th of theirs; with <see cref="Rollup"/> 0, the own records of the unit
/// <see cref="Root"/>.
/// </summary>
public readonly record struct RollupKey(Guid Root, short Rollup);

/// <summary>
/// Which rolled-up facts a unit's records also count in: for each unit that never has a parent (a province), the
/// records of every unit ever under it, one key per lifetime those units have.
/// </summary>
/// <remarks>
/// A province's subtree for a period is the units under it on the period's first or last day, within the caller's
/// scope: hundreds of communes and thousands of Party bodies, each a few reads of the facts. The units of one lifetime
/// (those dissolved on 1 July 2025, those formed that day, those that lived through it) are all in such a subtree or
/// all out of it, unless one of them moved between provinces; so the subtree's facts are the sums of a few rolled-up
/// keys, with the units of a key only partly in it read one by one. Rolled-up rows are written with the units' own, in
/// the same transaction; a change of the structure that changes these keys rebuilds them from the units' own rows
/// (<see cref="IndicatorFacts.EnsureRollupsAsync"/>).
/// </remarks>
public sealed class FactRollups
{
    private static readonly ConditionalWeakTable<UnitGraph, FactRollups> OfGraph = [];

    private readonly FrozenDictionary<Guid, RollupKey[]> keysOfUnit;

    private FactRollups(UnitGraph graph)
    {
        var members = new Dictionary<RollupKey, IReadOnlySet<Guid>>();
        foreach (var root in graph.AllUnitIds.Where(id => graph.History(id).All(v => v.ParentId is null)).Order())
        {
            var lifetimes = graph.EverUnder(root)
                .Select(id => (Id: id, Unit: graph.Latest(id)))
                .Where(u => u.Unit is not null)
                .GroupBy(u => (u.Unit!.ValidFrom, u.Unit.ValidTo))
                .OrderBy(g => g.Key.ValidFrom ?? DateOnly.MinValue)
                .ThenBy(g => g.Key.ValidTo ?? DateOnly.MaxValue);
            short rollup = 0;
            foreach (var lifetime in lifetimes)
            {
                members[new RollupKey(root, ++rollup)] = lifetime.Select(u => u.Id).ToFrozenSet();
            }
        }

        Members = members.ToFrozenDictionary();
        keysOfUnit = members.SelectMany(m => m.Value.Select(unit => (Unit: unit, m.Key)))
            .GroupBy(m => m.Unit)
            .ToFrozenDictionary(g => g.Key, g => g.Select(m => m.Key).ToArray());
    }

    /// <summary>Every key, with the units whose records it counts.</summary>
    public IReadOnlyDictionary<RollupKey, IReadOnlySet<Guid>> Members { get; }

    /// <summary>Every pair of a unit and a key its records count in, as the database keeps them.</summary>
    public IEnumerable<IndicatorFactRollup> Rows =>
        keysOfUnit.SelectMany(u => u.Value.Select(k => new IndicatorFactRollup { UnitId = u.Key, RootId = k.Root, Rollup = k.Rollup }));

    public static FactRollups Of(UnitGraph graph) => OfGraph.GetValue(graph, g => new FactRollups(g));

    /// <summary>The keys a record of <paramref name="unitId"/> also counts in.</summary>
    public IReadOnlyList<RollupKey> KeysOf(Guid unitId) => keysOfUnit.TryGetValue(unitId, out var keys) ? keys : [];

    /// <summary>
    /// Splits groups of units into the keys whose units are all in one group (and in no key taken before) and the units
    /// left to read one by one: the keys with their group, and each left unit with its group.
    /// </summary>
    public (IReadOnlyDictionary<RollupKey, int> Keys, IReadOnlyDictionary<Guid, int> Units) Cover(IReadOnlyDictionary<Guid, int> groups)
    {
        var keys = new Dictionary<RollupKey, int>();
        var covered = new HashSet<Guid>();
        foreach (var key in groups.Keys.SelectMany(KeysOf).Distinct().OrderBy(k => k.Root).ThenBy(k => k.Rollup))
        {
            var units = Members[key];
            var group = groups[units.First(groups.ContainsKey)];
            if (units.All(u => groups.TryGetValue(u, out var g) && g == group && !covered.Contains(u)))
            {
                keys[key] = group;
                covered.UnionWith(units);
            }
        }

        return (keys, covered.Count == 0 ? groups : groups.Where(g => !covered.Contains(g.Key)).ToDictionary());
    }
}

/// <summary>A unit whose records also count in a key of rolled-up facts (<see cref="FactRollups"/>), as the facts were built.</summary>
public sealed class IndicatorFactRollup
{
    public Guid UnitId { get; init; }

    public Guid RootId { get; init; }

    public short Rollup { get; init; }
}

internal sealed class IndicatorFactRollupConfiguration : IEntityTypeConfiguration<IndicatorFactRollup>
{
    public void Configure(EntityTypeBuilder<IndicatorFactRollup> rollup)
    {
        rollup.ToTable("IndicatorFactRollups");
        rollup.HasKey(r => new { r.UnitId, r.RootId });
    }
}
