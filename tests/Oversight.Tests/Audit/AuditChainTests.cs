using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Audit;

public sealed class AuditChainTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_create_update_and_delete_appends_a_chained_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var unit = new Unit { Code = "99001" };
        unit.Versions.Add(new UnitVersion { Name = "Xã  Thử Nghiệm", Kind = UnitKind.Commune });
        await using (var scope = database.SystemScope("tester"))
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            db.Units.Add(unit);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            var version = await db.UnitVersions.SingleAsync(v => v.UnitId == unit.Id, TestContext.Current.CancellationToken);
            version.Name = "Xã Đổi Tên";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.UnitVersions.Remove(version);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            await database.SealAuditAsync();
            var entries = await db.AuditEntries.Where(e => e.UnitId == unit.Id).OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["create", "create", "update", "delete"], entries.Select(e => e.Action));
            Assert.All(entries, e => Assert.Equal("tester", e.Actor));
            var update = entries[2];
            Assert.Contains("Xã Thử Nghiệm", update.Before);
            Assert.Contains("Xã Đổi Tên", update.After);
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
            Assert.True(result.IsIntact, result.Problem);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_changed_entry_breaks_the_chain_at_that_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        for (var i = 0; i < 3; i++)
        {
            var unit = new Unit { Code = $"9900{i}" };
            unit.Versions.Add(new UnitVersion { Name = $"Xã {i}", Kind = UnitKind.Commune });
            db.Units.Add(unit);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await database.SealAuditAsync();
        var victim = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(UnitVersion)).OrderBy(e => e.Sequence).Skip(1).FirstAsync(TestContext.Current.CancellationToken);
        await db.AuditEntries.Where(e => e.Sequence == victim.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.After, "{\"Name\":\"forged\"}"), TestContext.Current.CancellationToken);

        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(TestContext.Current.CancellationToken);

        Assert.False(result.IsIntact);
        Assert.Equal(victim.Sequence, result.BrokenAt);
    }
}
