using System.Globalization;
using Oversight.Organisation;

namespace Oversight.Demo;

/// <summary>What a Party branch is, which decides how many members it has and who they are.</summary>
internal enum BranchKind
{
    Village,
    Office,
    Police,
    Military,
    School,
    DistrictAgency,
}

internal enum SchoolLevel
{
    Preschool,
    Primary,
    LowerSecondary,
}

internal sealed record DemoSchool(Unit Unit, SchoolLevel Level);

/// <summary>A Party branch of the demo: its unit, what it is, and its school when it is a school's branch.</summary>
internal sealed record DemoBranch(Unit Unit, BranchKind Kind, DemoSchool? School);

/// <summary>
/// A commune-level unit of the demo area with its Party committee and People's Committee. The 32 units of
/// 2023–2024 also have schools and Party branches, which follow their area into the units formed later.
/// <c>Predecessors</c>: for a unit formed in 2025, the demo units it was formed from (direct lineage only);
/// <c>Successors</c>: the demo units formed from this one when it ended, by code.
/// </summary>
internal sealed record DemoCommune(
    UnitSnapshot Unit,
    Unit PartyCommittee,
    Unit PeoplesCommittee,
    IReadOnlyList<LineageStep> Predecessors,
    IReadOnlyList<UnitSnapshot> Successors,
    IReadOnlyList<DemoSchool> Schools,
    IReadOnlyList<DemoBranch> Branches)
{
    public bool IsOriginal => Predecessors.Count == 0;

    /// <summary>A unit formed wholly or partly from the demo area's own units (not only from a part of one of them).</summary>
    public bool IsInArea => IsOriginal || Predecessors.Any(p => !p.Partial);

    public DemoBranch Office => Branches.Single(b => b.Kind == BranchKind.Office);

    /// <summary>
    /// Where the <paramref name="index"/>th thing of this unit (a branch, a school, an official) went when the unit
    /// ended: a unit split between several successors sends its things to each in turn.
    /// </summary>
    public UnitSnapshot? SuccessorFor(int index) => Successors.Count == 0 ? null : Successors[index % Successors.Count];
}

/// <summary>The district's own bodies, by code, and its Party branches.</summary>
internal sealed record DemoDistrict(UnitSnapshot Unit, IReadOnlyDictionary<string, Unit> Bodies, IReadOnlyList<DemoBranch> Branches);

/// <summary>The bodies the demo adds under the reference structure, and the lineage between them.</summary>
internal sealed record DemoStructure(
    UnitSnapshot Province,
    Unit CityPartyCommittee,
    DemoDistrict District,
    IReadOnlyList<DemoCommune> Communes,
    IReadOnlyList<Unit> Units,
    IReadOnlyList<LineageEvent> LineageEvents)
{
    public DemoCommune Commune(Guid unitId) => Communes.First(c => c.Unit.Id == unitId);
}

/// <summary>
/// Plans the bodies of the demo on top of the reference structure: the District Party Committee and the other
/// bodies of Huyện Chương Mỹ, and for every commune-level unit of the area its Party committee, People's
/// Committee, schools and Party branches.
/// </summary>
/// <remarks>
/// Codes (GSO codes belong to administrative units; bodies get their own, built on their unit's code):
/// <list type="bullet">
/// <item><c>277-HU</c> Huyện ủy, <c>277-HU-BTV</c> its Standing Committee, <c>277-HU-UBKT</c> its Inspection
/// Committee, <c>277-HU-BTC</c> its Organisation Board, <c>277-HU-CB01</c>… the Party branches of the district's
/// agencies; <c>277-UBND</c>, <c>277-HDND</c>, <c>277-MTTQ</c>, and agencies such as <c>277-VP</c>, <c>277-TNMT</c>.</item>
/// <item><c>{commune}-DU</c> the commune's Party committee, <c>{commune}-DU-CB01</c>… its Party branches,
/// <c>{commune}-UBND</c> its People's Committee, <c>{commune}-MN</c>, <c>-TH</c>, <c>-THCS</c> its preschool,
/// primary and lower-secondary schools.</item>
/// </list>
/// GSO codes are reused over time, and so are these: <c>10096-DU</c> was the Party committee of Xã Đồng Phú until
/// 2024-12-31, of Xã Hồng Phú until 2025-06-30 and is Xã Hòa Phú's since. Bodies that end with their unit
/// (Party committees, People's Committees) are linked by lineage to those of the units formed from it; Party
/// branches and schools keep their identity and move to the new unit (a move, in lineage terms).
/// </remarks>
internal static class DemoBodies
{
    public const string DistrictCode = "277";
    public const string DistrictPartyCommitteeCode = "277-HU";
    public const string ProvinceCode = "01";

    /// <summary>The City Party Committee, whose delegation inspected the district.</summary>
    public const string CityPartyCommitteeCode = "01-TU";

    /// <summary>The day the structure of 2023–2024 is read on: the inspection of 19 July 2024.</summary>
    public static readonly DateOnly InspectionDay = new(2024, 7, 19);

    private const string Source = "demo";

    /// <summary>Common village names of the Red River Delta, for the Party branches of villages (chi bộ thôn).</summary>
    private static readonly string[] VillageNames =
    [
        "Đông", "Đoài", "Trung", "Thượng", "Hạ", "Nam", "Bắc", "Chợ", "Đình", "Chùa", "Cầu", "Mới", "Tân Hợp",
        "Trung Tiến", "Hòa Bình", "Đồng Tâm", "Đoàn Kết", "Quyết Tiến", "Thắng Lợi", "Tiến Bộ", "Phú Mỹ", "Yên Kiện",
        "An Vọng", "Cao Sơn", "Đồng Chiêm", "Nội", "Ngoại", "Bắc Sơn", "Nam Sơn", "Minh Khai", "Quang Trung",
        "Phú Hữu", "Văn Phú", "Đại Đồng", "Hòa Xá", "Yên Ninh", "Phúc Lâm", "Thanh Hà", "An Thái", "Đồng Bái",
        "Lương Xá", "Vĩnh Phúc", "Ninh Sơn", "Liên Trì", "Tây Hồ", "Đông Hạ",
    ];

    private static readonly (string Code, string Name, UnitKind Kind, string? Parent)[] DistrictBodyTable =
    [
        ("277-HU", "Huyện ủy {0}", UnitKind.PartyCommittee, null),
        ("277-HU-BTV", "Ban Thường vụ Huyện ủy {0}", UnitKind.Agency, "277-HU"),
        ("277-HU-UBKT", "Ủy ban Kiểm tra Huyện ủy {0}", UnitKind.Agency, "277-HU"),
        ("277-HU-BTC", "Ban Tổ chức Huyện ủy {0}", UnitKind.Agency, "277-HU"),
        ("277-UBND", "Ủy ban nhân dân huyện {0}", UnitKind.PeoplesCommittee, null),
        ("277-HDND", "Hội đồng nhân dân huyện {0}", UnitKind.PeoplesCouncil, null),
        ("277-VP", "Văn phòng HĐND và UBND huyện {0}", UnitKind.Agency, null),
        ("277-PNV", "Phòng Nội vụ huyện {0}", UnitKind.Agency, null),
        ("277-TNMT", "Phòng Tài nguyên và Môi trường huyện {0}", UnitKind.Agency, null),
        ("277-GDDT", "Phòng Giáo dục và Đào tạo huyện {0}", UnitKind.Agency, null),
        ("277-TTR", "Thanh tra huyện {0}", UnitKind.Agency, null),
        ("277-BTCD", "Ban Tiếp công dân huyện {0}", UnitKind.Agency, null),
        ("277-MTTQ", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện {0}", UnitKind.MassOrganisation, null),
        ("277-GDNN", "Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện {0}", UnitKind.School, null),
    ];

    private static readonly string[] DistrictBranchNames =
    [
        "Chi bộ Cơ quan Huyện ủy {0}",
        "Chi bộ Văn phòng HĐND và UBND huyện {0}",
        "Chi bộ Phòng Nội vụ huyện {0}",
        "Chi bộ Phòng Tài nguyên và Môi trường huyện {0}",
        "Chi bộ Phòng Giáo dục và Đào tạo huyện {0}",
        "Chi bộ Thanh tra huyện {0}",
        "Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể huyện {0}",
        "Chi bộ Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện {0}",
    ];

    /// <summary>Plans the demo bodies; null when the reference structure lacks Hà Nội or Huyện Chương Mỹ.</summary>
    public static DemoStructure? Plan(UnitGraph graph, Random random)
    {
        if (graph.Find(ProvinceCode, InspectionDay) is not { } province
            || graph.Find(DistrictCode, InspectionDay) is not { } district
            || district.ParentId != province.Id)
        {
            return null;
        }

        var units = new List<Unit>();
        var cityPartyCommittee = AddUnit(units, CityPartyCommitteeCode, "Thành ủy Hà Nội", UnitKind.PartyCommittee, province.Id, province.ValidFrom, province.ValidTo);
        var districtBodies = PlanDistrict(district, units);

        var originals = graph.Children(district.Id, InspectionDay).Where(c => c.Kind.IsAdministrative()).ToList();
        var area = AreaOverTime(graph, originals);
        var successors = area.ToDictionary(u => u.Id, u => DirectSuccessors(graph, u, area));
        var originalIds = originals.Select(u => u.Id).ToHashSet();
        var communes = new List<DemoCommune>();
        foreach (var commune in area)
        {
            var predecessors = originalIds.Contains(commune.Id)
                ? []
                : graph.Predecessors(commune.Id).Where(p => p.Depth == 1 && area.Any(a => a.Id == p.Unit.Id)).OrderBy(p => p.Unit.Code, StringComparer.Ordinal).ToList();
            var partyCommittee = AddUnit(units, $"{commune.Code}-DU", $"Đảng ủy {LowerCasePrefix(commune)}", UnitKind.PartyCommittee, commune.Id, commune.ValidFrom, commune.ValidTo);
            var peoplesCommittee = AddUnit(units, $"{commune.Code}-UBND", $"Ủy ban nhân dân {LowerCasePrefix(commune)}", UnitKind.PeoplesCommittee, commune.Id, commune.ValidFrom, commune.ValidTo);
            communes.Add(new DemoCommune(commune, partyCommittee, peoplesCommittee, predecessors, successors[commune.Id], [], []));
        }

        var moves = new SortedDictionary<DateOnly, LineageEvent>();
        communes = communes.Select(c => c.IsOriginal ? PlanSchoolsAndBranches(c, communes, units, moves, random) : c).ToList();
        var lineage = PlanCommitteeLineage(communes).Concat(moves.Values).ToList();
        return new DemoStructure(province, cityPartyCommittee, districtBodies, communes, units, lineage);
    }

    /// <summary>"Xã Tốt Động" → "xã Tốt Động", "Thị trấn Chúc Sơn" → "thị trấn Chúc Sơn", for names such as "Đảng ủy xã Tốt Động".</summary>
    private static string LowerCasePrefix(UnitSnapshot unit)
    {
        var prefixLength = unit.Name.Length - ProperName(unit).Length;
        return unit.Name[..prefixLength].ToLowerInvariant() + unit.Name[prefixLength..];
    }

    /// <summary>The name without the kind: "Xã Tốt Động" → "Tốt Động".</summary>
    private static string ProperName(UnitSnapshot unit)
    {
        foreach (var prefix in new[] { "Thị trấn ", "Phường ", "Xã ", "Huyện " })
        {
            if (unit.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return unit.Name[prefix.Length..];
            }
        }

        return unit.Name;
    }

    private static DemoDistrict PlanDistrict(UnitSnapshot district, List<Unit> units)
    {
        var name = ProperName(district);
        var bodies = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var (code, pattern, kind, parent) in DistrictBodyTable)
        {
            bodies[code] = AddUnit(units, code, string.Format(CultureInfo.InvariantCulture, pattern, name), kind, parent is null ? district.Id : bodies[parent].Id, district.ValidFrom, district.ValidTo);
        }

        var branches = DistrictBranchNames
            .Select((pattern, i) => new DemoBranch(
                AddUnit(units, $"{DistrictPartyCommitteeCode}-CB{i + 1:D2}", string.Format(CultureInfo.InvariantCulture, pattern, name), UnitKind.PartyBranch, bodies[DistrictPartyCommitteeCode].Id, district.ValidFrom, district.ValidTo),
                BranchKind.DistrictAgency,
                null))
            .ToList();
        return new DemoDistrict(district, bodies, branches);
    }

    /// <summary>The district's commune-level units of 2023–2024 and every unit formed from them later, oldest first, then by code.</summary>
    private static List<UnitSnapshot> AreaOverTime(UnitGraph graph, List<UnitSnapshot> originals)
    {
        var area = new Dictionary<Guid, UnitSnapshot>();
        var queue = new Queue<UnitSnapshot>(originals);
        while (queue.TryDequeue(out var unit))
        {
            if (!area.TryAdd(unit.Id, unit))
            {
                continue;
            }

            foreach (var step in graph.Successors(unit.Id).Where(s => s.Depth == 1 && s.Unit.Kind.IsAdministrative()))
            {
                queue.Enqueue(graph.At(step.Unit.Id, step.Date) ?? step.Unit);
            }
        }

        return area.Values
            .OrderBy(u => u.ValidFrom ?? DateOnly.MinValue)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
    }

    private static List<UnitSnapshot> DirectSuccessors(UnitGraph graph, UnitSnapshot unit, List<UnitSnapshot> area) =>
        graph.Successors(unit.Id)
            .Where(s => s.Depth == 1)
            .Select(s => area.FirstOrDefault(a => a.Id == s.Unit.Id))
            .OfType<UnitSnapshot>()
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Schools and Party branches of one of the 32 units of 2023–2024: a Party branch for each village (or
    /// quarter, in a town), for the commune's office, police and military, and for each school. When the unit
    /// ends they move to its successor (each in turn when it was split), and on from there.
    /// </summary>
    private static DemoCommune PlanSchoolsAndBranches(DemoCommune commune, List<DemoCommune> communes, List<Unit> units, SortedDictionary<DateOnly, LineageEvent> moves, Random random)
    {
        var unit = commune.Unit;
        var name = ProperName(unit);
        var lowerName = LowerCasePrefix(unit);

        // share: which of the unit's successors the body goes to when the unit is split among several.
        Unit AddLasting(string code, string unitName, UnitKind kind, int share, Func<DemoCommune, Guid> parentIn)
        {
            var lasting = new Unit { Code = code, ValidFrom = unit.ValidFrom };
            var current = commune;
            var from = unit.ValidFrom;
            while (true)
            {
                lasting.Versions.Add(new UnitVersion { Name = unitName, Kind = kind, ParentId = parentIn(current), ValidFrom = from, ValidTo = current.Unit.ValidTo });
                if (current.Unit.ValidTo is not { } lastDay || current.SuccessorFor(share) is not { } next)
                {
                    lasting.ValidTo = current.Unit.ValidTo;
                    break;
                }

                var moved = lastDay.AddDays(1);
                AddMove(moves, moved, lasting);
                from = moved;
                current = communes.First(c => c.Unit.Id == next.Id);
            }

            units.Add(lasting);
            return lasting;
        }

        var schools = new[]
            {
                (Level: SchoolLevel.Preschool, Suffix: "MN", Name: $"Trường Mầm non {name}"),
                (Level: SchoolLevel.Primary, Suffix: "TH", Name: $"Trường Tiểu học {name}"),
                (Level: SchoolLevel.LowerSecondary, Suffix: "THCS", Name: $"Trường Trung học cơ sở {name}"),
            }
            .Select((s, i) => new DemoSchool(AddLasting($"{unit.Code}-{s.Suffix}", s.Name, UnitKind.School, i, c => c.Unit.Id), s.Level))
            .ToList();

        var isTown = unit.Kind is UnitKind.Town or UnitKind.Ward;
        var villages = VillageNames.ToArray();
        random.Shuffle(villages);
        var villageCount = isTown ? random.Next(8, 15) : random.Next(6, 13);
        var branchPlans = new List<(BranchKind Kind, string Name, DemoSchool? School)>();
        branchPlans.AddRange(villages.Take(villageCount).Select(v => (BranchKind.Village, isTown ? $"Chi bộ khu phố {v}" : $"Chi bộ thôn {v}", (DemoSchool?)null)));
        branchPlans.Add((BranchKind.Office, $"Chi bộ Cơ quan {lowerName}", null));
        branchPlans.Add((BranchKind.Police, $"Chi bộ Công an {lowerName}", null));
        branchPlans.Add((BranchKind.Military, $"Chi bộ Quân sự {lowerName}", null));
        branchPlans.AddRange(schools.Select(s => (BranchKind.School, $"Chi bộ {s.Unit.Versions[0].Name}", (DemoSchool?)s)));

        // A school's branch goes where its school goes; the other branches take turns.
        var branches = branchPlans
            .Select((b, i) => new DemoBranch(
                AddLasting($"{unit.Code}-DU-CB{i + 1:D2}", b.Name, UnitKind.PartyBranch, b.School is { } school ? schools.IndexOf(school) : i, c => c.PartyCommittee.Id),
                b.Kind,
                b.School))
            .ToList();
        return commune with { Schools = schools, Branches = branches };
    }

    private static void AddMove(SortedDictionary<DateOnly, LineageEvent> moves, DateOnly date, Unit unit)
    {
        if (!moves.TryGetValue(date, out var move))
        {
            move = new LineageEvent
            {
                Kind = LineageKind.Move,
                Date = date,
                Source = Source,
                Note = "Party branches and schools moved with their area to the new commune-level unit.",
            };
            moves[date] = move;
        }

        move.Links.Add(new LineageLink { EventId = move.Id, PredecessorId = unit.Id, SuccessorId = unit.Id });
    }

    /// <summary>
    /// The Party committee and the People's Committee of a unit formed in 2025 come from those of the units it
    /// was formed from, with the same partial flags as the administrative lineage. The People's Committee shares
    /// the administrative unit's legal basis; the Party committee's (a decision of the Party) is not in the data.
    /// </summary>
    private static IEnumerable<LineageEvent> PlanCommitteeLineage(List<DemoCommune> communes)
    {
        foreach (var commune in communes.Where(c => !c.IsOriginal))
        {
            var first = commune.Predecessors[0];
            var bodies = new (Func<DemoCommune, Unit> Body, string? LegalBasis, string What)[]
            {
                (c => c.PartyCommittee, null, "Party committee"),
                (c => c.PeoplesCommittee, first.LegalBasis, "People's Committee"),
            };
            foreach (var (body, legalBasis, what) in bodies)
            {
                var lineage = new LineageEvent
                {
                    Kind = first.Kind,
                    Date = first.Date,
                    LegalBasis = legalBasis,
                    Source = Source,
                    Note = $"The {what} of {commune.Unit.Name} was formed from those of the units that formed it.",
                };
                foreach (var step in commune.Predecessors)
                {
                    var predecessor = communes.First(c => c.Unit.Id == step.Unit.Id);
                    lineage.Links.Add(new LineageLink
                    {
                        EventId = lineage.Id,
                        PredecessorId = body(predecessor).Id,
                        SuccessorId = body(commune).Id,
                        Partial = step.Partial,
                        Uncertain = step.Uncertain,
                    });
                }

                yield return lineage;
            }
        }
    }

    private static Unit AddUnit(List<Unit> units, string code, string name, UnitKind kind, Guid parentId, DateOnly? from, DateOnly? to)
    {
        var unit = new Unit { Code = code, ValidFrom = from, ValidTo = to };
        unit.Versions.Add(new UnitVersion { Name = name, Kind = kind, ParentId = parentId, ValidFrom = from, ValidTo = to });
        units.Add(unit);
        return unit;
    }
}
