using Oversight.Text;

namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// The structure from 1 Jul 2025: 34 provinces, the district level abolished, commune-level units directly
/// under their province, each formed from the old units the mapping names.
/// </summary>
/// <remarks>
/// A new unit keeps the identity of an old one only when the old one is its single, whole predecessor, carries
/// the same code and went nowhere else (a province: a new version if renamed; a commune: a move to the province).
/// Every other unit is new, formed by a merge, or a split when its one predecessor went only partly into it, with
/// one link per predecessor the mapping names. Old districts end on 30 Jun 2025 without successors, except the
/// island districts that became special zones, which the mapping names as predecessors.
/// </remarks>
internal sealed class JulyReorganisation(StructurePlan plan, ReferenceInputs inputs, Structure old)
{
    public static readonly DateOnly Date = new(2025, 7, 1);

    private readonly Release before = inputs.After;
    private readonly string file = inputs.ReorganisationFile;
    private readonly Structure next = new();

    public void Apply()
    {
        Provinces();
        foreach (var district in old[ReferenceLevel.District].Values)
        {
            StructurePlan.End(district, Date);
        }

        Communes();
    }

    private void Provinces()
    {
        var references = inputs.Reorganisation.SelectMany(p => p.Sources).GroupBy(s => s.OldCode).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var province in inputs.Reorganisation)
        {
            var predecessors = new List<Predecessor>();
            foreach (var source in province.Sources)
            {
                if (old[ReferenceLevel.Province].TryGetValue(source.OldCode, out var unit))
                {
                    CheckName(province.Code, province.Name, source, unit);
                    predecessors.Add(new Predecessor(source, unit, ReferenceLevel.Province, Uncertain: false));
                }
                else
                {
                    plan.Quirk($"{file}: province {province.Code} {province.Name} names {source.OldCode} {source.Name} as a predecessor, which {before.FileName} does not list as a province; no link recorded.");
                }
            }

            if (KeepsIdentity(province.Code, province.Sources, predecessors, references))
            {
                var unit = predecessors[0].Unit;
                var oldName = unit.Current.Name;
                if (StructurePlan.Revise(unit, Date, province.Name, UnitKind.Province, null))
                {
                    plan.IdentityEvent(unit, Date, moved: false, $"Renamed from {oldName} to {province.Name}.", LegalBases.Provinces2025, file);
                }

                next[ReferenceLevel.Province][province.Code] = unit;
                continue;
            }

            var formed = plan.Begin(province.Code, Date, province.Name, UnitKind.Province, null);
            next[ReferenceLevel.Province][province.Code] = formed;
            Form(formed, predecessors, LegalBases.Provinces2025, note: null);
        }

        next.EndWhatDoesNotContinue(old, ReferenceLevel.Province, Date);
        foreach (var (code, unit) in old[ReferenceLevel.Province].Where(p => !references.ContainsKey(p.Key)))
        {
            plan.Quirk($"Province {unit.Label} is named by no province of {file}; it ends on {Date.AddDays(-1):yyyy-MM-dd} with no successor recorded.");
        }
    }

    private void Communes()
    {
        var references = inputs.Reorganisation.SelectMany(p => p.Units).SelectMany(u => u.Sources.Select(s => (Unit: u, Source: s)))
            .GroupBy(r => r.Source.OldCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var referenceCounts = references.ToDictionary(r => r.Key, r => r.Value.Count, StringComparer.Ordinal);
        foreach (var province in inputs.Reorganisation)
        {
            var provinceUnit = next[ReferenceLevel.Province][province.Code];
            var basis = LegalBases.Communes2025(province.Code, province.Name);
            var formedFrom = province.Sources.Select(s => s.OldCode).ToHashSet(StringComparer.Ordinal);
            foreach (var unit in province.Units)
            {
                var predecessors = new List<Predecessor>();
                var unknown = new List<MappedSource>();
                foreach (var source in unit.Sources)
                {
                    if (Resolve(unit, source, province, formedFrom) is { } predecessor)
                    {
                        predecessors.Add(predecessor);
                    }
                    else
                    {
                        unknown.Add(source);
                    }
                }

                if (KeepsIdentity(unit.Code, unit.Sources, predecessors, referenceCounts) && predecessors[0].Level == ReferenceLevel.Commune)
                {
                    var identity = predecessors[0].Unit;
                    var oldName = identity.Current.Name;
                    StructurePlan.Revise(identity, Date, unit.Name, unit.Kind, provinceUnit);
                    var renamed = oldName != unit.Name ? $"; renamed from {oldName} to {unit.Name}" : "";
                    plan.IdentityEvent(identity, Date, moved: true, $"District level abolished: now directly under {provinceUnit.Label}{renamed}.", basis, file);
                    next[ReferenceLevel.Commune][unit.Code] = identity;
                    continue;
                }

                var formed = plan.Begin(unit.Code, Date, unit.Name, unit.Kind, provinceUnit);
                next[ReferenceLevel.Commune][unit.Code] = formed;
                var note = unknown.Count == 0 ? null
                    : $"{file} also names {string.Join(", ", unknown.Select(s => $"{s.OldCode} {s.Name} ({(s.Partial ? "partial" : "full")})"))}, which {before.FileName} does not list; not linked.";
                Form(formed, predecessors, basis, note);
            }
        }

        next.EndWhatDoesNotContinue(old, ReferenceLevel.Commune, Date);
        foreach (var (code, unit) in old[ReferenceLevel.Commune].Where(c => !references.ContainsKey(c.Key)))
        {
            plan.Quirk($"{unit.Label} ({before.FileName}) is named by no unit of {file}; it ends on {Date.AddDays(-1):yyyy-MM-dd} with no successor recorded.");
        }

        foreach (var (code, named) in references.Where(r => r.Value.Count > 1 && r.Value.Any(n => !n.Source.Partial)))
        {
            plan.Quirk($"{file} names {code} as a whole predecessor and also as a predecessor of {string.Join(", ", named.Select(n => $"{n.Unit.Code} {n.Unit.Name}"))}; linked as the file says.");
        }

        foreach (var (code, named) in references.Where(r => r.Value is [{ Source.Partial: true }] && old[ReferenceLevel.Commune].ContainsKey(r.Key)))
        {
            plan.Quirk($"{file} names {code} as a partial predecessor of {named[0].Unit.Code} {named[0].Unit.Name} only; where the rest of it went is not in the file.");
        }
    }

    /// <summary>The old unit a mapping row names: a commune-level unit, or (the island districts) a district.</summary>
    private Predecessor? Resolve(MappedUnit unit, MappedSource source, MappedProvince province, HashSet<string> formedFrom)
    {
        var level = ReferenceLevel.Commune;
        if (!old[level].TryGetValue(source.OldCode, out var predecessor))
        {
            level = ReferenceLevel.District;
            if (!old[level].TryGetValue(source.OldCode, out predecessor))
            {
                plan.Quirk($"{file}: {unit.Code} {unit.Name} names {source.OldCode} {source.Name} ({(source.Partial ? "partial" : "full")}) as a predecessor, which {before.FileName} does not list; no link recorded.");
                return null;
            }

            plan.Quirk($"{file}: {unit.Code} {unit.Name} was formed from the district {predecessor.Label}, which had no commune-level units; linked district to {unit.Name}.");
        }

        CheckName(unit.Code, unit.Name, source, predecessor);
        var oldProvince = before.ProvinceOf(level, source.OldCode);
        var uncertain = oldProvince is not null && !formedFrom.Contains(oldProvince);
        if (uncertain)
        {
            plan.Uncertain($"{file}: {unit.Code} {unit.Name} in {province.Code} {province.Name} names {predecessor.Label} as a predecessor, but that unit lay in {oldProvince} {before.Find(ReferenceLevel.Province, oldProvince!)!.Name}, which {province.Name} was not formed from; linked as uncertain.");
        }

        return new Predecessor(source, predecessor, level, uncertain);
    }

    private void CheckName(string code, string name, MappedSource source, PlannedUnit predecessor)
    {
        if (!string.Equals(VietnameseText.Normalize(source.Name), predecessor.Current.Name, StringComparison.OrdinalIgnoreCase))
        {
            plan.Quirk($"{file}: {code} {name} names predecessor {source.OldCode} '{source.Name}', which {before.FileName} calls '{predecessor.Current.Name}'; linked by code.");
        }
    }

    private void Form(PlannedUnit formed, List<Predecessor> predecessors, string basis, string? note)
    {
        if (predecessors.Count == 0)
        {
            plan.Quirk($"{file}: {formed.Label} names no predecessor that {before.FileName} lists; recorded as a new unit from {Date:yyyy-MM-dd} formed from nothing.");
            return;
        }

        var kind = predecessors is [{ Source.Partial: true }] ? LineageKind.Split : LineageKind.Merge;
        var lineage = plan.Event(kind, Date, formed, basis, file, note);
        foreach (var predecessor in predecessors)
        {
            lineage.Link(predecessor.Unit, formed, predecessor.Source.Partial, predecessor.Uncertain);
        }
    }

    private static bool KeepsIdentity(string code, IReadOnlyList<MappedSource> sources, List<Predecessor> predecessors, Dictionary<string, int> references) =>
        sources is [{ Partial: false } only] && only.OldCode == code && predecessors.Count == 1 && references[code] == 1;

    private sealed record Predecessor(MappedSource Source, PlannedUnit Unit, ReferenceLevel Level, bool Uncertain);
}
