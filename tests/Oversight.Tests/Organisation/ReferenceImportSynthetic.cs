using System.Text;
using System.Text.Json;
using Oversight.Organisation;
using Oversight.Organisation.ReferenceImport;

namespace Oversight.Tests.Organisation;

/// <summary>
/// Small reference files in the shape of the real ones, to test the import's rules one at a time. The default
/// world is a fragment of the real one: Hà Nội › Chương Mỹ with the 1 Jan 2025 mergers, a neighbouring district,
/// and Hà Giang, which joins Tuyên Quang on 1 Jul 2025. Tests change the lists before calling
/// <see cref="Sources"/>.
/// </summary>
internal sealed class ReferenceImportSynthetic
{
    public const string KnownLineageHeader = "date,kind,successor_code,successor_name,predecessor_code,predecessor_name,partial,legal_basis,note";

    public const string ChuongMyBasis = "Nghị quyết 1286/NQ-UBTVQH15";

    public List<Province> Before { get; } =
    [
        new("01", "Thành phố Hà Nội",
        [
            new("277", "Huyện Chương Mỹ",
            [
                new("10060", "Xã Tốt Động"), new("10063", "Xã Lam Điền"), new("10072", "Xã Hợp Đồng"),
                new("10093", "Xã Hồng Phong"), new("10096", "Xã Đồng Phú"), new("10108", "Xã Hòa Chính"), new("10111", "Xã Phú Nam An"),
            ]),
            new("278", "Huyện Thanh Oai", [new("10120", "Xã Cự Khê"), new("10126", "Xã Bích Hòa")]),
        ]),
        new("02", "Tỉnh Hà Giang", [new("024", "Thành phố Hà Giang", [new("00688", "Phường Quang Trung"), new("00691", "Phường 05")])]),
    ];

    public List<Province> After { get; } =
    [
        new("01", "Thành phố Hà Nội",
        [
            new("277", "Huyện Chương Mỹ",
            [
                new("10060", "Xã Tốt Động"), new("10063", "Xã Lam Điền"), new("10072", "Xã Hợp Đồng"),
                new("10096", "Xã Hồng Phú"), new("10108", "Xã Hòa Phú"),
            ]),
            new("278", "Huyện Thanh Oai", [new("10120", "Xã Cự Khê"), new("10126", "Xã Bích Hòa")]),
        ]),
        new("02", "Tỉnh Hà Giang", [new("024", "Thành phố Hà Giang", [new("00688", "Phường Quang Trung"), new("00691", "Phường 5")])]),
    ];

    public List<MappedProvince> Reorganisation { get; } =
    [
        new("01", "Thành phố Hà Nội", [new("01", "Thành phố Hà Nội", false)],
        [
            new("10072", "Xã Quảng Bị", UnitKind.Commune, [new("10060", "Xã Tốt Động", false), new("10063", "Xã Lam Điền", true), new("10072", "Xã Hợp Đồng", false)]),
            new("10126", "Xã Bình Minh", UnitKind.Commune, [new("10063", "Xã Lam Điền", true), new("10120", "Xã Cự Khê", false), new("10126", "Xã Bích Hòa", false)]),
            new("10096", "Xã Hòa Phú", UnitKind.Commune, [new("10096", "Xã Hồng Phú", false), new("10108", "Xã Hòa Phú", false)]),
        ]),
        new("08", "Tỉnh Tuyên Quang", [new("02", "Tỉnh Hà Giang", false)],
        [
            new("00688", "Phường Hà Giang 1", UnitKind.Ward, [new("00688", "Phường Quang Trung", false)]),
            new("00691", "Phường Hà Giang 2", UnitKind.Ward, [new("00691", "Phường 5", false)]),
        ]),
    ];

    /// <summary>Curated rows; by default Chương Mỹ's two mergers.</summary>
    public List<string> KnownLineage { get; } =
    [
        $"2025-01-01,merge,10096,Xã Hồng Phú,10093,Xã Hồng Phong,no,{ChuongMyBasis},",
        $"2025-01-01,merge,10096,Xã Hồng Phú,10096,Xã Đồng Phú,no,{ChuongMyBasis},",
        $"2025-01-01,merge,10108,Xã Hòa Phú,10108,Xã Hòa Chính,no,{ChuongMyBasis},",
        $"2025-01-01,merge,10108,Xã Hòa Phú,10111,Xã Phú Nam An,no,{ChuongMyBasis},",
    ];

    public ReferenceSources Sources() => new(
        ReferenceFile.FromText("vn-units-2024-11.json", Release(Before)),
        ReferenceFile.FromText("vn-units-2025-03.json", Release(After)),
        ReferenceFile.FromText("vn-units-2025-07-merges.json", Mapping(Reorganisation)),
        ReferenceFile.FromText("known-lineage.csv", string.Join('\n', [KnownLineageHeader, .. KnownLineage]) + "\n"));

    /// <summary>Reads and plans these inputs; fails the test on input errors.</summary>
    public async Task<StructurePlan> PlanAsync()
    {
        var (inputs, errors) = await ReferenceReader.ReadAsync(Sources(), TestContext.Current.CancellationToken);
        Assert.Empty(errors);
        return ReferencePlanner.Build(inputs!);
    }

    /// <summary>The district <paramref name="code"/> of a release.</summary>
    public static District DistrictIn(List<Province> release, string code) => release.SelectMany(p => p.Districts).Single(d => d.Code == code);

    private static string Release(List<Province> provinces) => JsonSerializer.Serialize(provinces.Select(p => new
    {
        p.Code,
        FullName = p.Name,
        District = p.Districts.Select(d => new
        {
            d.Code,
            FullName = d.Name,
            ProvinceCode = p.Code,
            Ward = d.Communes.Count == 0 ? null : d.Communes.Select(c => new { c.Code, FullName = c.Name, DistrictCode = d.Code }),
        }),
    }));

    private static string Mapping(List<MappedProvince> provinces) => JsonSerializer.Serialize(new
    {
        data = provinces.Select(p => new
        {
            level1_id = p.Code,
            name = p.Name,
            merges = Merges(p.Sources),
            level2s = p.Units.Select(u => new { level2_id = u.Code, name = u.Name, merges = Merges(u.Sources) }),
        }),
    });

    private static IEnumerable<object> Merges(IReadOnlyList<MappedSource> sources) =>
        sources.Select(s => new { old_id = s.OldCode, name = s.Name, type = s.Partial ? "partial" : "full" });

    internal sealed record Province(string Code, string Name, List<District> Districts);

    internal sealed record District(string Code, string Name, List<Commune> Communes);

    internal sealed record Commune(string Code, string Name);
}

/// <summary>Questions tests ask of a plan.</summary>
internal static class StructurePlanQueries
{
    /// <summary>The unit carrying <paramref name="code"/> on <paramref name="day"/>.</summary>
    public static PlannedUnit At(this StructurePlan plan, string code, DateOnly day) =>
        plan.Units.Single(u => u.Code == code && Dates.Covers(u.ValidFrom, u.ValidTo, day));

    public static PlannedVersion VersionOn(this PlannedUnit unit, DateOnly day) => unit.Versions.Single(v => Dates.Covers(v.ValidFrom, v.ValidTo, day));

    /// <summary>The event that formed <paramref name="unit"/> or, for a unit that existed before the records begin, its one rename or move.</summary>
    public static PlannedEvent EventOf(this StructurePlan plan, PlannedUnit unit) =>
        plan.Events.Single(e => (unit.ValidFrom is null || e.Date == unit.ValidFrom) && e.Links.Any(l => l.Successor == unit));

    /// <summary>Predecessor codes and names with their flags, sorted, for one-line assertions.</summary>
    public static string[] Describe(this PlannedEvent lineage) => lineage.Links
        .Select(l => $"{l.Predecessor.Code} {l.Predecessor.Current.Name}{(l.Partial ? " partial" : "")}{(l.Uncertain ? " uncertain" : "")}")
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static string Text(this IEnumerable<ReferenceImportFinding> findings) =>
        new StringBuilder().AppendJoin('\n', findings.Select(f => $"{f.Kind}: {f.Message}")).ToString();
}
