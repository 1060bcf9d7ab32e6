using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Cli;

public sealed class AuditCommandsTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, Tampering> Tamperings => new()
    {
        { DatabaseProvider.Sqlite, Tampering.Change },
        { DatabaseProvider.Sqlite, Tampering.Delete },
        { DatabaseProvider.PostgreSQL, Tampering.Change },
        { DatabaseProvider.PostgreSQL, Tampering.Delete },
    };

    public enum Tampering
    {
        Change,
        Delete,
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Audit_verify_exits_0_on_an_intact_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        await using var scope = database.SystemScope();
        await database.SealAuditAsync();
        var head = await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync(Cancel);

        var result = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "audit", "verify"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Audit chain intact: {head.Sequence} entries; head hash {head.Hash}.", result.Output.Trim());
        Assert.Empty(result.Error);
    }

    [Theory, MemberData(nameof(Tamperings))]
    public async Task Audit_verify_exits_non_zero_and_names_the_entry_where_the_chain_breaks(DatabaseProvider provider, Tampering tampering)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        const long victim = 5;
        await using (var scope = database.SystemScope())
        {
            await database.SealAuditAsync();
            var entries = scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries.Where(e => e.Sequence == victim);
            var touched = tampering == Tampering.Change
                ? await entries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else"), Cancel)
                : await entries.ExecuteDeleteAsync(Cancel);
            Assert.Equal(1, touched);
        }

        var result = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "audit", "verify"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.StartsWith($"Audit chain broken at entry {victim}:", result.Error);
        Assert.Contains($"{victim - 1} entries before it are intact", result.Error);
    }
}
