using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Organisation.ReferenceImport;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Organisation;

/// <summary>The whole country from the embedded reference files, imported once per provider for the class.</summary>
public sealed class ReferenceImportCountryTests(ImportedCountry country) : IClassFixture<ImportedCountry>
{
    private static readonly DateOnly Inspection = new(2024, 7, 19);
    private static readonly DateOnly March2025 = new(2025, 3, 1);
    private static readonly DateOnly LastDayOfDistricts = new(2025, 6, 30);
    private static readonly DateOnly July2025 = new(2025, 7, 1);

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Chuong_My_has_32_units_at_the_inspection_and_30_after_the_January_2025_mergers(DatabaseProvider provider)
    {
        var graph = await GraphAsync(provider);

        Assert.Equal(32, graph.Children(graph.Find("277", Inspection)!.Id, Inspection).Count);
        Assert.Equal(30, graph.Children(graph.Find("277", March2025)!.Id, March2025).Count);
        Assert.Equal(["Xã Đồng Phú", "Xã Hồng Phú", "Xã Hòa Phú"], new[] { Inspection, March2025, July2025 }.Select(d => graph.Find("10096", d)!.Name));
        var hongPhu = graph.Find("10096", March2025)!;
        Assert.Equal(["Xã Hồng Phong", "Xã Đồng Phú"],
            graph.Predecessors(hongPhu.Id).Where(p => p.Depth == 1).Select(p => p.Unit.Name).Order(StringComparer.Ordinal));
        Assert.All(graph.Predecessors(hongPhu.Id), p => Assert.False(p.Uncertain));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tot_Dong_went_wholly_and_Lam_Dien_partly_into_Quang_Bi_on_1_July_2025(DatabaseProvider provider)
    {
        var graph = await GraphAsync(provider);

        var totDong = graph.Find("10060", Inspection)!;
        Assert.Equal(LastDayOfDistricts, totDong.ValidTo);
        var quangBi = Assert.Single(graph.Successors(totDong.Id));
        Assert.Equal(("10072", "Xã Quảng Bị", July2025, false, false), (quangBi.Unit.Code, quangBi.Unit.Name, quangBi.Date, quangBi.Partial, quangBi.Uncertain));
        var lamDien = graph.Find("10063", Inspection)!;
        Assert.Equal(["Xã Bình Minh partial", "Xã Quảng Bị partial"],
            graph.Successors(lamDien.Id).Select(s => $"{s.Unit.Name}{(s.Partial ? " partial" : "")}").Order(StringComparer.Ordinal));
        Assert.Equal("Thành phố Hà Nội", graph.At(graph.Find("10072", July2025)!.ParentId!.Value, July2025)!.Name);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_country_has_63_provinces_until_July_2025_and_then_34_with_3321_commune_level_units(DatabaseProvider provider)
    {
        var graph = await GraphAsync(provider);

        Assert.Equal(63, graph.Roots(Inspection).Count);
        Assert.Equal(63, graph.Roots(LastDayOfDistricts).Count);
        var provinces = graph.Roots(July2025);
        Assert.Equal(34, provinces.Count);
        var communeLevel = provinces.SelectMany(p => graph.Children(p.Id, July2025)).ToList();
        Assert.Equal(3321, communeLevel.Count);
        Assert.All(communeLevel, u => Assert.Contains(u.Kind, new[] { UnitKind.Commune, UnitKind.Ward, UnitKind.SpecialZone }));
        Assert.Equal(13, communeLevel.Count(u => u.Kind == UnitKind.SpecialZone));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Island_districts_become_special_zones_and_communes_no_release_lists_are_reported(DatabaseProvider provider)
    {
        var (_, report) = await country.GetAsync(provider);
        var graph = await GraphAsync(provider);

        foreach (var (district, zone) in new[] { ("318", "11948"), ("471", "19742"), ("498", "20333"), ("536", "21548"), ("755", "26732") })
        {
            var special = graph.Find(zone, July2025)!;
            Assert.Equal(UnitKind.SpecialZone, special.Kind);
            Assert.Equal(district, Assert.Single(graph.Predecessors(special.Id)).Unit.Code);
        }

        string[] unlisted = ["07693", "07732", "07744", "16387", "16411", "18448", "20176", "20674", "25102", "25174", "25177", "25186"];
        Assert.All(unlisted, code => Assert.Contains(report.Findings, f => f.Kind == ReferenceFindingKind.Quirk && f.Message.Contains($" names {code} ") && f.Message.Contains("no link recorded")));
        Assert.Contains(report.Findings, f => f.Kind == ReferenceFindingKind.Uncertain);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_second_import_changes_nothing_and_appends_no_audit_entry(DatabaseProvider provider)
    {
        var (database, first) = await country.GetAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var auditEntries = await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);

        var second = await scope.ServiceProvider.GetRequiredService<ReferenceImporter>().ImportAsync(TestContext.Current.CancellationToken);

        Assert.Equal(first.Units.Planned, first.Units.Created);
        Assert.True(second.ChangedNothing);
        Assert.Equal(first.Units.Planned, second.Units.Unchanged);
        Assert.Equal(first.LineageLinks.Planned, second.LineageLinks.Unchanged);
        Assert.Equal(first.Units.Planned, await db.Units.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(auditEntries, await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
        await database.SealAuditAsync();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task The_cli_command_prints_the_counts_and_the_findings()
    {
        var (database, _) = await country.GetAsync(DatabaseProvider.Sqlite);
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await OversightCli.RunAsync(["units", "import-reference", .. database.SettingsArgs], TextReader.Null, output, error);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        Assert.StartsWith("Reference units already up to date; nothing written.", output.ToString());
        Assert.Contains("lineage links", output.ToString());
        Assert.Contains("[uncertain] In 006 Quận Đống Đa", output.ToString());
    }

    private async Task<UnitGraph> GraphAsync(DatabaseProvider provider)
    {
        var (database, _) = await country.GetAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        return await scope.ServiceProvider.GetRequiredService<UnitGraphCache>().GetAsync(db, TestContext.Current.CancellationToken);
    }
}

/// <summary>One database per provider with the whole country imported, shared by the tests of a class.</summary>
public sealed class ImportedCountry : IAsyncDisposable
{
    private readonly Dictionary<DatabaseProvider, Task<(TestDatabase Database, ReferenceImportReport Report)>> imports = [];
    private readonly Lock gate = new();

    public Task<(TestDatabase Database, ReferenceImportReport Report)> GetAsync(DatabaseProvider provider)
    {
        lock (gate)
        {
            if (!imports.TryGetValue(provider, out var import))
            {
                imports[provider] = import = ImportAsync(provider);
            }

            return import;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var import in imports.Values.Where(i => i.IsCompletedSuccessfully))
        {
            await import.Result.Database.DisposeAsync();
        }
    }

    private static async Task<(TestDatabase, ReferenceImportReport)> ImportAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope("reference-import");
        var report = await scope.ServiceProvider.GetRequiredService<ReferenceImporter>().ImportAsync();
        Assert.True(report.Succeeded, string.Join("\n", report.Errors));
        return (database, report);
    }
}
