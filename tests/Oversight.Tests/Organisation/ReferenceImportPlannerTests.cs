using Oversight.Organisation;
using Oversight.Organisation.ReferenceImport;

namespace Oversight.Tests.Organisation;

/// <summary>The import's rules on small synthetic inputs, without a database.</summary>
public sealed class ReferenceImportPlannerTests
{
    private static readonly DateOnly Inspection = new(2024, 7, 19);
    private static readonly DateOnly March2025 = new(2025, 3, 1);
    private static readonly DateOnly July2025 = new(2025, 7, 1);
    private static readonly DateOnly LastDayOf2024 = new(2024, 12, 31);

    [Fact]
    public async Task Curated_rows_make_the_Chuong_My_mergers_certain_and_code_10096_names_three_units_over_time()
    {
        var plan = await new ReferenceImportSynthetic().PlanAsync();

        var dongPhu = plan.At("10096", Inspection);
        var hongPhu = plan.At("10096", March2025);
        var hoaPhu = plan.At("10096", July2025);
        Assert.Equal(["Xã Đồng Phú", "Xã Hồng Phú", "Xã Hòa Phú"], new[] { dongPhu, hongPhu, hoaPhu }.Select(u => u.Current.Name));
        Assert.Equal(3, new[] { dongPhu, hongPhu, hoaPhu }.Distinct().Count());
        Assert.Equal(LastDayOf2024, dongPhu.ValidTo);
        Assert.Equal(new DateOnly(2025, 1, 1), hongPhu.ValidFrom);
        var merger = plan.EventOf(hongPhu);
        Assert.Equal(LineageKind.Merge, merger.Kind);
        Assert.Equal(["10093 Xã Hồng Phong", "10096 Xã Đồng Phú"], merger.Describe());
        Assert.Equal(ReferenceImportSynthetic.ChuongMyBasis, merger.LegalBasis);
        Assert.Equal("known-lineage.csv rows 2, 3", merger.Source);
        Assert.DoesNotContain(plan.Findings, f => f.Kind == ReferenceFindingKind.Uncertain);
    }

    [Fact]
    public async Task Without_curated_rows_two_renamed_codes_beside_two_vanished_ones_give_uncertain_links()
    {
        var world = new ReferenceImportSynthetic();
        world.KnownLineage.Clear();

        var plan = await world.PlanAsync();

        Assert.Equal(["10093 Xã Hồng Phong uncertain", "10096 Xã Đồng Phú", "10111 Xã Phú Nam An uncertain"], plan.EventOf(plan.At("10096", March2025)).Describe());
        Assert.Equal(["10093 Xã Hồng Phong uncertain", "10108 Xã Hòa Chính", "10111 Xã Phú Nam An uncertain"], plan.EventOf(plan.At("10108", March2025)).Describe());
        var finding = Assert.Single(plan.Findings, f => f.Kind == ReferenceFindingKind.Uncertain);
        Assert.Contains("277 Huyện Chương Mỹ", finding.Message);
        Assert.Contains("10093 Xã Hồng Phong", finding.Message);
    }

    [Fact]
    public async Task One_renamed_code_beside_vanished_ones_is_a_certain_merge_into_a_new_unit()
    {
        var world = new ReferenceImportSynthetic();
        world.KnownLineage.Clear();
        ReferenceImportSynthetic.DistrictIn(world.Before, "277").Communes.RemoveAll(c => c.Code is "10108" or "10111");
        ReferenceImportSynthetic.DistrictIn(world.After, "277").Communes.RemoveAll(c => c.Code == "10108");
        var hanoi = world.Reorganisation[0];
        world.Reorganisation[0] = hanoi with { Units = [hanoi.Units[0], hanoi.Units[1], hanoi.Units[2] with { Sources = [new MappedSource("10096", "Xã Hồng Phú", false)] }] };

        var plan = await world.PlanAsync();

        var hongPhu = plan.At("10096", March2025);
        Assert.NotSame(plan.At("10096", Inspection), hongPhu);
        Assert.Equal(["10093 Xã Hồng Phong", "10096 Xã Đồng Phú"], plan.EventOf(hongPhu).Describe());
        Assert.StartsWith("Inferred: in 277 Huyện Chương Mỹ", plan.EventOf(hongPhu).Note);
        Assert.DoesNotContain(plan.Findings, f => f.Kind == ReferenceFindingKind.Uncertain);
    }

    [Fact]
    public async Task A_code_renamed_with_nothing_vanished_beside_it_keeps_its_identity_with_a_rename_event()
    {
        var world = new ReferenceImportSynthetic();
        var after = ReferenceImportSynthetic.DistrictIn(world.After, "278").Communes;
        after[0] = after[0] with { Name = "Phường Cự Khê" };

        var plan = await world.PlanAsync();

        var cuKhe = plan.At("10120", Inspection);
        Assert.Same(cuKhe, plan.At("10120", March2025));
        Assert.Equal(("Xã Cự Khê", UnitKind.Commune, (DateOnly?)LastDayOf2024), (cuKhe.Versions[0].Name, cuKhe.Versions[0].Kind, cuKhe.Versions[0].ValidTo));
        Assert.Equal(("Phường Cự Khê", UnitKind.Ward), (cuKhe.VersionOn(March2025).Name, cuKhe.VersionOn(March2025).Kind));
        var rename = Assert.Single(plan.Events, e => e.Kind == LineageKind.Rename);
        Assert.Equal((cuKhe, cuKhe), (rename.Links.Single().Predecessor, rename.Links.Single().Successor));
    }

    [Fact]
    public async Task A_code_moved_to_another_district_keeps_its_identity_with_a_move_event()
    {
        var world = new ReferenceImportSynthetic();
        var bichHoa = ReferenceImportSynthetic.DistrictIn(world.After, "278").Communes.Single(c => c.Code == "10126");
        ReferenceImportSynthetic.DistrictIn(world.After, "278").Communes.Remove(bichHoa);
        ReferenceImportSynthetic.DistrictIn(world.After, "277").Communes.Add(bichHoa);

        var plan = await world.PlanAsync();

        var unit = plan.At("10126", Inspection);
        Assert.Same(unit, plan.At("10126", March2025));
        Assert.Equal(["278", "277"], unit.Versions.Take(2).Select(v => v.Parent!.Code));
        var move = Assert.Single(plan.Events, e => e.Kind == LineageKind.Move && e.Date.Year == 2025 && e.Date.Month == 1);
        Assert.Equal("Moved from 278 Huyện Thanh Oai to 277 Huyện Chương Mỹ.", move.Note);
    }

    [Fact]
    public async Task Numbers_written_without_leading_zeros_are_not_a_rename()
    {
        var plan = await new ReferenceImportSynthetic().PlanAsync();

        var ward = plan.At("00691", Inspection);
        Assert.Same(ward, plan.At("00691", March2025));
        Assert.Equal("Phường 5", ward.VersionOn(March2025).Name);
        Assert.DoesNotContain(plan.Events, e => e.Date.Month == 1 && e.Links.Any(l => l.Successor == ward));
        Assert.Contains(plan.Findings, f => f.Message.Contains("Phường 05 → Phường 5"));
    }

    [Fact]
    public async Task A_district_that_takes_in_another_is_a_new_unit_and_its_communes_follow_it()
    {
        var world = new ReferenceImportSynthetic();
        var thanhOai = ReferenceImportSynthetic.DistrictIn(world.After, "278");
        world.After[0].Districts.Remove(thanhOai);
        ReferenceImportSynthetic.DistrictIn(world.After, "277").Communes.AddRange(thanhOai.Communes);

        var plan = await world.PlanAsync();

        var chuongMy = plan.At("277", March2025);
        Assert.NotSame(plan.At("277", Inspection), chuongMy);
        Assert.Equal(["277 Huyện Chương Mỹ", "278 Huyện Thanh Oai"], plan.EventOf(chuongMy).Describe());
        Assert.Equal(LastDayOf2024, plan.Units.Single(u => u.Code == "278").ValidTo);
        Assert.Same(chuongMy, plan.At("10060", March2025).VersionOn(March2025).Parent);
        Assert.DoesNotContain(plan.Events, e => e.Date.Month == 1 && e.Links.Any(l => l.Successor.Code == "10060"));
        Assert.Equal(LineageKind.Move, plan.EventOf(plan.At("10120", March2025)).Kind);
    }

    [Fact]
    public async Task From_July_2025_Tot_Dong_lies_wholly_and_Lam_Dien_partly_in_Quang_Bi_under_the_province()
    {
        var plan = await new ReferenceImportSynthetic().PlanAsync();

        var hanoi = plan.At("01", Inspection);
        Assert.Same(hanoi, plan.At("01", July2025));
        var quangBi = plan.At("10072", July2025);
        Assert.Equal(("Xã Quảng Bị", hanoi), (quangBi.Current.Name, quangBi.Current.Parent));
        Assert.NotSame(plan.At("10072", Inspection), quangBi);
        var merger = plan.EventOf(quangBi);
        Assert.Equal(["10060 Xã Tốt Động", "10063 Xã Lam Điền partial", "10072 Xã Hợp Đồng"], merger.Describe());
        Assert.Equal(LegalBases.HanoiCommunes2025, merger.LegalBasis);
        Assert.Contains("10063 Xã Lam Điền partial", plan.EventOf(plan.At("10126", July2025)).Describe());
        Assert.All(plan.Units.Where(u => u.Code.Length == 3), d => Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo));
    }

    [Fact]
    public async Task A_province_formed_from_another_is_new_and_a_ward_with_one_whole_predecessor_of_its_code_keeps_its_identity()
    {
        var plan = await new ReferenceImportSynthetic().PlanAsync();

        var tuyenQuang = plan.At("08", July2025);
        Assert.Equal(["02 Tỉnh Hà Giang"], plan.EventOf(tuyenQuang).Describe());
        Assert.Equal(LegalBases.Provinces2025, plan.EventOf(tuyenQuang).LegalBasis);
        var ward = plan.At("00688", July2025);
        Assert.Same(plan.At("00688", Inspection), ward);
        Assert.Equal(("Phường Hà Giang 1", tuyenQuang), (ward.Current.Name, ward.Current.Parent));
        var move = plan.EventOf(ward);
        Assert.Equal(LineageKind.Move, move.Kind);
        Assert.StartsWith("District level abolished: now directly under 08 Tỉnh Tuyên Quang; renamed from Phường Quang Trung", move.Note);
    }

    [Fact]
    public async Task A_unit_formed_from_part_of_one_old_unit_is_a_split()
    {
        var world = new ReferenceImportSynthetic();
        var hanoi = world.Reorganisation[0];
        world.Reorganisation[0] = hanoi with { Units = [.. hanoi.Units, new MappedUnit("10130", "Xã Lam Sơn", UnitKind.Commune, [new MappedSource("10063", "Xã Lam Điền", true)])] };

        var plan = await world.PlanAsync();

        var lineage = plan.EventOf(plan.At("10130", July2025));
        Assert.Equal(LineageKind.Split, lineage.Kind);
        Assert.Equal(["10063 Xã Lam Điền partial"], lineage.Describe());
    }

    [Fact]
    public async Task An_old_code_neither_release_lists_is_reported_and_noted_but_not_linked()
    {
        var world = new ReferenceImportSynthetic();
        var hanoi = world.Reorganisation[0];
        var hoaPhu = hanoi.Units[2];
        world.Reorganisation[0] = hanoi with { Units = [hanoi.Units[0], hanoi.Units[1], hoaPhu with { Sources = [.. hoaPhu.Sources, new MappedSource("10099", "Xã Nham Sơn", false)] }] };

        var plan = await world.PlanAsync();

        var lineage = plan.EventOf(plan.At("10096", July2025));
        Assert.Equal(["10096 Xã Hồng Phú", "10108 Xã Hòa Phú"], lineage.Describe());
        Assert.Contains("10099 Xã Nham Sơn (full)", lineage.Note);
        Assert.Contains(plan.Findings, f => f.Kind == ReferenceFindingKind.Quirk && f.Message.Contains("10099 Xã Nham Sơn") && f.Message.Contains("no link recorded"));
    }

    [Fact]
    public async Task An_island_district_without_communes_becomes_a_special_zone()
    {
        var world = new ReferenceImportSynthetic();
        world.Before[1].Districts.Add(new("318", "Huyện Bạch Long Vĩ", []));
        world.After[1].Districts.Add(new("318", "Huyện Bạch Long Vĩ", []));
        var tuyenQuang = world.Reorganisation[1];
        world.Reorganisation[1] = tuyenQuang with { Units = [.. tuyenQuang.Units, new MappedUnit("11948", "Đặc khu Bạch Long Vĩ", UnitKind.SpecialZone, [new MappedSource("318", "Huyện Bạch Long Vĩ", false)])] };

        var plan = await world.PlanAsync();

        var zone = plan.At("11948", July2025);
        Assert.Equal(UnitKind.SpecialZone, zone.Current.Kind);
        Assert.Equal(["318 Huyện Bạch Long Vĩ"], plan.EventOf(zone).Describe());
        Assert.Contains(plan.Findings, f => f.Message.Contains("district 318 Huyện Bạch Long Vĩ"));
    }

    [Fact]
    public async Task A_missing_code_is_an_error_naming_the_file_and_the_element()
    {
        var world = new ReferenceImportSynthetic();
        world.Before[0].Districts[0].Communes[1] = new("", "Xã Lam Điền");

        var (inputs, errors) = await ReferenceReader.ReadAsync(world.Sources(), TestContext.Current.CancellationToken);

        Assert.Null(inputs);
        var error = Assert.Single(errors);
        Assert.Equal("vn-units-2024-11.json: $[0].District[0].Ward[1].Code: missing, or not a non-empty string", error.ToString());
    }

    [Fact]
    public async Task A_name_that_fits_no_level_is_an_error()
    {
        var world = new ReferenceImportSynthetic();
        world.After[0].Districts[0].Communes[0] = new("10060", "Thôn Tốt Động");

        var (_, errors) = await ReferenceReader.ReadAsync(world.Sources(), TestContext.Current.CancellationToken);

        Assert.Contains(errors, e => e.File == "vn-units-2025-03.json" && e.Message.StartsWith("$[0].District[0].Ward[0].FullName: 'Thôn Tốt Động' does not name a commune-level unit"));
    }

    [Fact]
    public async Task A_curated_row_that_contradicts_the_releases_is_an_error_naming_its_row_and_column()
    {
        var world = new ReferenceImportSynthetic();
        world.KnownLineage[1] = world.KnownLineage[1].Replace("10096,Xã Đồng Phú", "10096,Xã Đồng Phúc");

        var (inputs, errors) = await ReferenceReader.ReadAsync(world.Sources(), TestContext.Current.CancellationToken);
        var plan = ReferencePlanner.Build(inputs!);

        Assert.Empty(errors);
        var error = Assert.Single(plan.Errors);
        Assert.Equal(("known-lineage.csv", 3, "predecessor_name"), (error.File, error.Row, error.Column));
        Assert.Contains("'Xã Đồng Phú'", error.Message);
    }

    [Fact]
    public async Task A_curated_row_with_an_unreadable_cell_is_an_error_naming_its_row_and_column()
    {
        var world = new ReferenceImportSynthetic();
        world.KnownLineage[0] = world.KnownLineage[0].Replace(",no,", ",maybe,");

        var (_, errors) = await ReferenceReader.ReadAsync(world.Sources(), TestContext.Current.CancellationToken);

        var error = Assert.Single(errors);
        Assert.Equal(("known-lineage.csv", 2, "partial"), (error.File, error.Row, error.Column));
    }
}
