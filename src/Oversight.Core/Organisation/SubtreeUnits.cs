using Oversight.Accounts;

namespace Oversight.Organisation;

/// <summary>
/// The units a register or a summary covers: a unit's subtree, within the caller's scope. <c>Unit</c> is null
/// when no unit was named (the caller's whole scope); <c>UnitIds</c> is null when every unit is covered and no
/// filter is needed.
/// </summary>
internal sealed record SubtreeUnits(UnitSnapshot? Unit, IReadOnlySet<Guid>? UnitIds)
{
    /// <summary>
    /// The subtree of the unit carrying <paramref name="code"/> (found on the first of <paramref name="days"/> it
    /// exists), as it stood on each of the days, intersected with the scope; the whole scope when no code is given.
    /// With <paramref name="throughTime"/> (a register asked for no day of the structure), or for a code no unit
    /// carries on those days (a district since dissolved, found as it last stood), every unit ever under it or under
    /// the units it was formed from (<see cref="UnitGraph.Scope"/>). Null when no unit ever carried the code or it
    /// lies outside the scope: it does not exist for the caller.
    /// </summary>
    public static SubtreeUnits? Resolve(UnitGraph graph, ScopeFilter scope, string? code, IReadOnlyList<DateOnly> days, bool throughTime = false)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new SubtreeUnits(null, scope.UnitIds);
        }

        var unit = days.Select(day => graph.Find(code, day)).FirstOrDefault(u => u is not null);
        throughTime |= unit is null;
        unit ??= graph.FindLast(code);
        if (unit is null || !scope.Contains(unit.Id))
        {
            return null;
        }

        var ids = throughTime ? graph.Scope(unit.Id) : days.SelectMany(day => graph.Subtree(unit.Id, day)).Select(u => u.Id);
        var covered = ids.Where(scope.Contains).ToHashSet();
        return new SubtreeUnits(unit, covered.Count == graph.UnitCount ? null : covered);
    }
}
