namespace Oversight.Organisation.ReferenceImport;

/// <summary>
/// Turns the reference inputs into one effective-dated structure with lineage: the 2024-11 release as the
/// structure that existed before the records begin, the changes to the 2025-03 release dated 1 Jan 2025
/// (<see cref="JanuaryMergers"/>), and the 2025-07 mapping from 1 Jul 2025 (<see cref="JulyReorganisation"/>).
/// </summary>
internal static class ReferencePlanner
{
    public static StructurePlan Build(ReferenceInputs inputs)
    {
        var plan = new StructurePlan();
        var origin = Origin(plan, inputs.Before);
        var afterJanuary = new JanuaryMergers(plan, inputs, origin).Apply();
        if (plan.Errors.Count == 0)
        {
            new JulyReorganisation(plan, inputs, afterJanuary).Apply();
        }

        return plan;
    }

    /// <summary>Every unit of the first release, valid from before the records begin.</summary>
    private static Structure Origin(StructurePlan plan, Release release)
    {
        var structure = new Structure();
        foreach (var level in Enum.GetValues<ReferenceLevel>())
        {
            foreach (var unit in release.Units(level))
            {
                var parent = level == ReferenceLevel.Province ? null : structure[level - 1][unit.ParentCode!];
                structure[level][unit.Code] = plan.Begin(unit.Code, null, unit.Name, unit.Kind, parent);
            }
        }

        return structure;
    }
}

/// <summary>The unit identities in force in one structure, by level and code.</summary>
internal sealed class Structure
{
    private readonly Dictionary<string, PlannedUnit>[] levels = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public Dictionary<string, PlannedUnit> this[ReferenceLevel level] => levels[(int)level];

    /// <summary>Ends every unit of <paramref name="level"/> in <paramref name="old"/> that does not carry on, as the same identity, in this structure.</summary>
    public void EndWhatDoesNotContinue(Structure old, ReferenceLevel level, DateOnly date)
    {
        foreach (var (code, unit) in old[level])
        {
            if (!this[level].TryGetValue(code, out var kept) || kept != unit)
            {
                StructurePlan.End(unit, date);
            }
        }
    }
}

/// <summary>
/// Legal bases of the events the import records. The reference files cite none; these are the resolutions
/// the changes were made under, as far as they are known (see the ReferenceData README).
/// </summary>
internal static class LegalBases
{
    public const string HanoiCode = "01";

    public const string Provinces2025 = "Nghị quyết 202/2025/QH15 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh năm 2025";

    public const string HanoiCommunes2025 = "Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025 của UBTVQH về sắp xếp ĐVHC cấp xã của thành phố Hà Nội năm 2025";

    public static string Mergers2025(string provinceName) =>
        $"Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp huyện, cấp xã của {provinceName} giai đoạn 2023–2025 (dữ liệu tham chiếu không ghi số hiệu)";

    public static string Communes2025(string provinceCode, string provinceName) => provinceCode == HanoiCode
        ? HanoiCommunes2025
        : $"Nghị quyết năm 2025 của UBTVQH về sắp xếp ĐVHC cấp xã của {provinceName} (dữ liệu tham chiếu không ghi số hiệu)";
}
