using System.Text.RegularExpressions;
using Oversight.Imports;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// The changes between the 2024-11 and 2025-03 releases, dated 1 Jan 2025. Neither release names lineage, so
/// it is inferred, and what cannot be inferred is reported.
/// </summary>
/// <remarks>
/// <para>Provinces and districts: a unit's lineage follows the units under it. A code that keeps its own
/// children and takes in no others keeps its identity (a rename or move if its name or parent changed); a code
/// that takes in units from elsewhere, or is new, is a new unit formed (merge, or split from one unit that
/// carries on) from every unit its children came from, partly where that unit's children went to several.</para>
/// <para>Communes: first the curated rows of known-lineage.csv; then, within each 2024-11 district, codes that
/// vanished and codes kept under a new name. One renamed code: a certain merge into a new unit under that code.
/// Several: each renamed code's old unit goes to its new unit (certain) and each vanished unit is linked to every
/// one of them as uncertain. None: the vanished units end with no successor. A code only moved or renamed, with
/// nothing vanished beside it, keeps its identity.</para>
/// </remarks>
internal sealed partial class JanuaryMergers(StructurePlan plan, ReferenceInputs inputs, Structure old)
{
    public static readonly DateOnly Date = new(2025, 1, 1);

    private readonly Release before = inputs.Before;
    private readonly Release after = inputs.After;
    private readonly Structure next = new();
    private readonly string source = $"{inputs.Before.FileName} → {inputs.After.FileName} (inferred)";

    /// <summary>Commune codes of 2025-03 whose unit was formed by an event of this date.</summary>
    private readonly HashSet<string> formed = new(StringComparer.Ordinal);

    /// <summary>Units whose name only changed in spelling ("Phường 05" → "Phường 5"), for one finding.</summary>
    private readonly List<string> respelled = [];

    /// <summary>Vanished commune codes already accounted for (linked to successors, or reported).</summary>
    private readonly HashSet<string> accounted = new(StringComparer.Ordinal);

    public Structure Apply()
    {
        ByWhereChildrenWent(ReferenceLevel.Province);
        ByWhereChildrenWent(ReferenceLevel.District);
        KnownLineage();
        foreach (var district in before.Units(ReferenceLevel.Commune).GroupBy(c => c.ParentCode!))
        {
            WithinDistrict(district.Key, district.ToList());
        }

        foreach (var unit in after.Units(ReferenceLevel.Commune).Where(u => !formed.Contains(u.Code)))
        {
            if (before.Has(ReferenceLevel.Commune, unit.Code))
            {
                Continue(ReferenceLevel.Commune, unit);
                continue;
            }

            next[ReferenceLevel.Commune][unit.Code] = plan.Begin(unit.Code, Date, unit.Name, unit.Kind, Parent(ReferenceLevel.Commune, unit));
            plan.Quirk($"{unit.Code} {unit.Name} ({ParentLabel(after, ReferenceLevel.Commune, unit.ParentCode)}) appears in {after.FileName} with a code {before.FileName} does not list; recorded as a new unit from {Date:yyyy-MM-dd}, formed from nothing the files name.");
        }

        next.EndWhatDoesNotContinue(old, ReferenceLevel.Commune, Date);
        if (respelled.Count > 0)
        {
            plan.Quirk($"{respelled.Count} units are named differently in {before.FileName} and {after.FileName} only in how numbers are written (such as {string.Join("; ", respelled.Take(3))}); not taken as renames: each has a new version with the later spelling from {Date:yyyy-MM-dd}, without a lineage event.");
        }

        return next;
    }

    private void ByWhereChildrenWent(ReferenceLevel level)
    {
        var childLevel = level + 1;
        var destinations = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var origins = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var child in after.Units(childLevel))
        {
            if (before.Find(childLevel, child.Code)?.ParentCode is { } from)
            {
                Flow(from, child.ParentCode!);
            }
        }

        foreach (var unit in after.Units(level).Where(u => before.Has(level, u.Code)))
        {
            Flow(unit.Code, unit.Code);
        }

        foreach (var unit in after.Units(level))
        {
            var from = origins.GetValueOrDefault(unit.Code) ?? [];
            if (from.Count == 1 && from.Min == unit.Code)
            {
                Continue(level, unit);
                continue;
            }

            var formedUnit = plan.Begin(unit.Code, Date, unit.Name, unit.Kind, Parent(level, unit));
            next[level][unit.Code] = formedUnit;
            if (from.Count == 0)
            {
                plan.Quirk($"{unit.Code} {unit.Name} appears in {after.FileName} with nothing under it that {before.FileName} lists; recorded as a new unit from {Date:yyyy-MM-dd}, formed from nothing the files name.");
                continue;
            }

            var predecessors = from.Select(code => (Unit: old[level][code], Partial: destinations[code].Count > 1)).ToList();
            var kind = predecessors is [{ Partial: true }] ? LineageKind.Split : LineageKind.Merge;
            var note = $"Inferred: formed from what lay under {string.Join(", ", predecessors.Select(p => p.Unit.Label))} in {before.FileName}.";
            var lineage = plan.Event(kind, Date, formedUnit, Basis(level, unit.Code), source, note);
            foreach (var (predecessor, partial) in predecessors)
            {
                lineage.Link(predecessor, formedUnit, partial, uncertain: false);
            }
        }

        foreach (var gone in before.Units(level).Where(u => !after.Has(level, u.Code) && !destinations.ContainsKey(u.Code)))
        {
            plan.Quirk($"{gone.Code} {gone.Name} vanished between {before.FileName} and {after.FileName} and nothing under it is listed elsewhere; it ends on {Date.AddDays(-1):yyyy-MM-dd} with no successor recorded.");
        }

        next.EndWhatDoesNotContinue(old, level, Date);

        void Flow(string from, string to)
        {
            Add(destinations, from, to);
            Add(origins, to, from);
        }

        static void Add(Dictionary<string, SortedSet<string>> map, string key, string value)
        {
            if (!map.TryGetValue(key, out var set))
            {
                map[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(value);
        }
    }

    /// <summary>The rows of known-lineage.csv, checked against both releases; they settle what inference cannot.</summary>
    private void KnownLineage()
    {
        var wholly = new Dictionary<string, KnownLineageRow>(StringComparer.Ordinal);
        foreach (var rows in inputs.KnownLineage.GroupBy(r => (r.Date, r.SuccessorCode)).Select(g => g.ToList()))
        {
            var errors = plan.Errors.Count;
            var first = rows[0];
            void Error(KnownLineageRow row, string column, string message) => plan.Errors.Add(new ImportError(row.File, row.Row, column, message));

            if (first.Date != Date)
            {
                Error(first, "date", $"only {Date:yyyy-MM-dd} is supported: the date the import gives the differences between {before.FileName} and {after.FileName}");
            }

            foreach (var row in rows.Skip(1))
            {
                if (row.Kind != first.Kind)
                {
                    Error(row, "kind", $"differs from row {first.Row}, which records the same unit");
                }

                if (row.SuccessorName != first.SuccessorName)
                {
                    Error(row, "successor_name", $"differs from row {first.Row}, which records the same unit");
                }

                if (row.LegalBasis != first.LegalBasis)
                {
                    Error(row, "legal_basis", $"differs from row {first.Row}, which records the same unit");
                }
            }

            var successor = after.Find(ReferenceLevel.Commune, first.SuccessorCode);
            if (successor is null)
            {
                Error(first, "successor_code", $"no commune-level unit has code {first.SuccessorCode} in {after.FileName}");
            }
            else if (successor.Name != first.SuccessorName)
            {
                Error(first, "successor_name", $"'{first.SuccessorName}' is not the name {after.FileName} gives {successor.Code}: '{successor.Name}'");
            }

            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var predecessor = before.Find(ReferenceLevel.Commune, row.PredecessorCode);
                if (!named.Add(row.PredecessorCode))
                {
                    Error(row, "predecessor_code", $"{row.PredecessorCode} is named twice for {row.SuccessorCode}");
                }
                else if (predecessor is null)
                {
                    Error(row, "predecessor_code", $"no commune-level unit has code {row.PredecessorCode} in {before.FileName}");
                }
                else if (predecessor.Name != row.PredecessorName)
                {
                    Error(row, "predecessor_name", $"'{row.PredecessorName}' is not the name {before.FileName} gives {predecessor.Code}: '{predecessor.Name}'");
                }
                else if (!row.Partial && after.Find(ReferenceLevel.Commune, row.PredecessorCode) is { } still && row.PredecessorCode != row.SuccessorCode)
                {
                    Error(row, "partial", $"{row.PredecessorCode} is still listed in {after.FileName} (as {still.Name}), so it cannot have gone wholly into {row.SuccessorCode}; mark the row partial");
                }
                else if (!row.Partial && !wholly.TryAdd(row.PredecessorCode, row))
                {
                    Error(row, "predecessor_code", $"row {wholly[row.PredecessorCode].Row} already has {row.PredecessorCode} going wholly into {wholly[row.PredecessorCode].SuccessorCode}");
                }
            }

            if (plan.Errors.Count > errors || successor is null)
            {
                continue;
            }

            var unit = plan.Begin(successor.Code, Date, successor.Name, successor.Kind, Parent(ReferenceLevel.Commune, successor));
            next[ReferenceLevel.Commune][successor.Code] = unit;
            formed.Add(successor.Code);
            var notes = rows.Select(r => r.Note).OfType<string>().Distinct().ToList();
            var lineage = plan.Event(first.Kind, Date, unit, first.LegalBasis, $"{first.File} rows {string.Join(", ", rows.Select(r => r.Row))}", notes.Count > 0 ? string.Join(" ", notes) : null);
            foreach (var row in rows)
            {
                lineage.Link(old[ReferenceLevel.Commune][row.PredecessorCode], unit, row.Partial, uncertain: false);
                if (!after.Has(ReferenceLevel.Commune, row.PredecessorCode))
                {
                    accounted.Add(row.PredecessorCode);
                }
            }

            if (old[ReferenceLevel.Commune].TryGetValue(successor.Code, out var previous) && !named.Contains(successor.Code))
            {
                plan.Quirk($"{first.File} row {first.Row} forms {successor.Code} {successor.Name} without naming {previous.Label}, which carried the code until {Date.AddDays(-1):yyyy-MM-dd}; that unit ends with no successor recorded.");
            }
        }
    }

    private void WithinDistrict(string districtCode, List<ReleaseUnit> communes)
    {
        var vanished = communes.Where(c => !after.Has(ReferenceLevel.Commune, c.Code) && !accounted.Contains(c.Code)).ToList();
        if (vanished.Count == 0)
        {
            return;
        }

        accounted.UnionWith(vanished.Select(c => c.Code));
        var renamed = communes
            .Where(c => !formed.Contains(c.Code) && after.Find(ReferenceLevel.Commune, c.Code) is { } now && !SpelledAlike(now.Name, c.Name))
            .ToList();
        var district = $"{districtCode} {before.Find(ReferenceLevel.District, districtCode)!.Name}";
        var vanishedList = string.Join(", ", vanished.Select(c => $"{c.Code} {c.Name}"));
        var lastDay = $"{Date.AddDays(-1):yyyy-MM-dd}";
        if (renamed.Count == 0)
        {
            plan.Quirk($"In {district}, {vanishedList} vanished between {before.FileName} and {after.FileName} while no code there was renamed, so the unit that took them in cannot be told from the files: they end on {lastDay} with no successor recorded.");
            return;
        }

        var uncertain = renamed.Count > 1;
        var renamedList = string.Join(", ", renamed.Select(c => $"{c.Code} {c.Name} → {after.Find(ReferenceLevel.Commune, c.Code)!.Name}"));
        var note = uncertain
            ? $"Inferred, uncertain: in {district}, {Codes(renamed)} kept their codes under new names and {Codes(vanished)} vanished; which went where is not in the files."
            : $"Inferred: in {district}, {Codes(renamed)} kept its code under a new name and {Codes(vanished)} vanished.";
        foreach (var was in renamed)
        {
            var now = after.Find(ReferenceLevel.Commune, was.Code)!;
            var unit = plan.Begin(now.Code, Date, now.Name, now.Kind, Parent(ReferenceLevel.Commune, now));
            next[ReferenceLevel.Commune][now.Code] = unit;
            formed.Add(now.Code);
            var lineage = plan.Event(LineageKind.Merge, Date, unit, Basis(ReferenceLevel.Commune, now.Code), source, note);
            lineage.Link(old[ReferenceLevel.Commune][was.Code], unit, partial: false, uncertain: false);
            foreach (var gone in vanished)
            {
                lineage.Link(old[ReferenceLevel.Commune][gone.Code], unit, partial: false, uncertain);
            }
        }

        if (uncertain)
        {
            plan.Uncertain($"In {district}, {vanishedList} vanished and {renamedList} were renamed between {before.FileName} and {after.FileName}; which vanished unit went into which renamed one is not in the files. Each vanished unit is linked to every renamed one as uncertain; settle it with rows in known-lineage.csv.");
        }

        static string Codes(IEnumerable<ReleaseUnit> units) => string.Join(", ", units.Select(u => u.Code));
    }

    /// <summary>A code of both releases that keeps its identity: a new version when its name or parent changed, with a rename or move event.</summary>
    private void Continue(ReferenceLevel level, ReleaseUnit unit)
    {
        var was = before.Find(level, unit.Code)!;
        var identity = old[level][unit.Code];
        StructurePlan.Revise(identity, Date, unit.Name, unit.Kind, Parent(level, unit));
        next[level][unit.Code] = identity;
        var moved = was.ParentCode != unit.ParentCode;
        var renamed = !SpelledAlike(was.Name, unit.Name);
        if (was.Name != unit.Name && !renamed)
        {
            respelled.Add($"{was.Name} → {unit.Name} ({unit.Code})");
        }

        if (!moved && !renamed)
        {
            return;
        }

        var note = moved
            ? $"Moved from {ParentLabel(before, level, was.ParentCode)} to {ParentLabel(after, level, unit.ParentCode)}" + (renamed ? $"; renamed from {was.Name} to {unit.Name}." : ".")
            : $"Renamed from {was.Name} to {unit.Name}.";
        plan.IdentityEvent(identity, Date, moved, note, Basis(level, unit.Code), source);
    }

    /// <summary>
    /// Whether two names differ at most in how numbers are written: the 2024-11 release writes "Phường 05" where
    /// the 2025-03 release writes "Phường 5". Such a unit was not renamed.
    /// </summary>
    internal static bool SpelledAlike(string a, string b) => a == b || LeadingZeros().Replace(a, "") == LeadingZeros().Replace(b, "");

    [GeneratedRegex(@"(?<!\d)0+(?=\d)")]
    private static partial Regex LeadingZeros();

    /// <summary>The parent identity in the new structure (processed level by level, parents first).</summary>
    private PlannedUnit? Parent(ReferenceLevel level, ReleaseUnit unit) =>
        level == ReferenceLevel.Province ? null : next[level - 1][unit.ParentCode!];

    private static string ParentLabel(Release release, ReferenceLevel level, string? parentCode) =>
        parentCode is null ? "(none)" : $"{parentCode} {release.Find(level - 1, parentCode)?.Name}";

    private string Basis(ReferenceLevel level, string code) =>
        LegalBases.Mergers2025(after.ProvinceOf(level, code) is { } province ? after.Find(ReferenceLevel.Province, province)!.Name : "(unknown province)");
}
