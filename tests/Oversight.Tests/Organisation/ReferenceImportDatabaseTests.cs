using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Organisation.ReferenceImport;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Organisation;

/// <summary>Writing the plan: all or nothing, idempotent, audited, converging when the curated rows change. Synthetic inputs.</summary>
public sealed class ReferenceImportDatabaseTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_writes_nothing_and_reports_where_it_is(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = new ReferenceImportSynthetic();
        world.KnownLineage[2] = world.KnownLineage[2].Replace("10108,Xã Hòa Phú", "10199,Xã Hòa Phú");
        var auditBefore = await CountAsync(database, db => db.AuditEntries);

        var report = await ImportAsync(database, world);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => (e.File, e.Row, e.Column) == ("known-lineage.csv", 4, "successor_code"));
        Assert.Equal(0, await CountAsync(database, db => db.Units));
        Assert.Equal(auditBefore, await CountAsync(database, db => db.AuditEntries));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_row_is_audited_in_the_chain_and_a_second_run_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = new ReferenceImportSynthetic();
        var auditBefore = await CountAsync(database, db => db.AuditEntries);

        var first = await ImportAsync(database, world);
        var auditAfterFirst = await CountAsync(database, db => db.AuditEntries);
        var second = await ImportAsync(database, world);

        Assert.True(first.Succeeded);
        var rows = first.Units.Created + first.Versions.Created + first.LineageEvents.Created + first.LineageLinks.Created;
        Assert.Equal(auditBefore + rows + 1, auditAfterFirst); // and the structure stamp
        Assert.True(second.ChangedNothing);
        Assert.Equal(first.Units.Planned, second.Units.Unchanged);
        Assert.Equal(auditAfterFirst, await CountAsync(database, db => db.AuditEntries));
        await using var scope = database.SystemScope();
        await database.SealAuditAsync();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(verification.IsIntact, verification.Problem);
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var totDong = await db.Units.SingleAsync(u => u.Code == "10060", TestContext.Current.CancellationToken);
        var entry = await db.AuditEntries.SingleAsync(e => e.UnitId == totDong.Id && e.EntityType == nameof(Unit), TestContext.Current.CancellationToken);
        Assert.Equal(("create", "test"), (entry.Action, entry.Actor));
        Assert.Contains("\"Code\":\"10060\"", entry.After);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Curated_rows_added_later_replace_the_uncertain_links(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = new ReferenceImportSynthetic();
        var curated = world.KnownLineage.ToList();
        world.KnownLineage.Clear();
        await ImportAsync(database, world);
        Assert.Equal(4, await CountAsync(database, db => db.LineageLinks.Where(l => l.Uncertain)));

        world.KnownLineage.AddRange(curated);
        var settled = await ImportAsync(database, world);

        Assert.True(settled.Succeeded);
        Assert.Equal(2, settled.LineageLinks.Removed);
        Assert.True(settled.LineageEvents.Updated > 0);
        Assert.Equal(0, await CountAsync(database, db => db.LineageLinks.Where(l => l.Uncertain)));
        Assert.True((await ImportAsync(database, world)).ChangedNothing);
        await using var scope = database.SystemScope();
        var graph = await scope.ServiceProvider.GetRequiredService<UnitGraphCache>().GetAsync(scope.ServiceProvider.GetRequiredService<OversightDbContext>(), TestContext.Current.CancellationToken);
        var hongPhong = graph.Find("10093", new DateOnly(2024, 7, 19))!;
        var successor = Assert.Single(graph.Successors(hongPhong.Id), s => s.Depth == 1);
        Assert.Equal(("Xã Hồng Phú", false), (successor.Unit.Name, successor.Uncertain));
    }

    [Fact]
    public async Task Rows_written_in_bulk_are_described_for_the_audit_exactly_as_a_save_describes_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var unit = new Unit { Code = "10060", ValidTo = new DateOnly(2025, 6, 30) };
        var version = new UnitVersion { UnitId = unit.Id, Name = "Xã Tốt Động", SearchName = "xa tot dong", Kind = UnitKind.Commune, ValidTo = unit.ValidTo };
        var lineage = new LineageEvent { Kind = LineageKind.Merge, Date = new DateOnly(2025, 7, 1), LegalBasis = "Nghị quyết 1656/NQ-UBTVQH15", Source = "test" };
        var link = new LineageLink { EventId = lineage.Id, PredecessorId = unit.Id, SuccessorId = unit.Id, Partial = true };
        object[] rows = [unit, version, lineage, link];
        db.AddRange(rows);

        var captured = AuditTrail.Capture(db.ChangeTracker);

        Assert.Equal(rows.Length, captured.Count);
        foreach (var change in captured)
        {
            var described = Assert.Single(AuditTrail.DescribeCreates(db.Model, [change.Entry.Entity]));
            Assert.Equal((AuditTrail.TypeName(change.Entry.Metadata), AuditTrail.KeyOf(change.Entry), change.UnitId, change.After), (described.EntityType, described.EntityId, described.UnitId, described.After));
        }
    }

    private static async Task<ReferenceImportReport> ImportAsync(TestDatabase database, ReferenceImportSynthetic world)
    {
        await using var scope = database.SystemScope();
        var services = scope.ServiceProvider;
        var importer = new ReferenceImporter(services.GetRequiredService<OversightDbContext>(), world.Sources);
        return await importer.ImportAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<int> CountAsync<T>(TestDatabase database, Func<OversightDbContext, IQueryable<T>> query)
    {
        await using var scope = database.SystemScope();
        return await query(scope.ServiceProvider.GetRequiredService<OversightDbContext>()).CountAsync(TestContext.Current.CancellationToken);
    }
}
