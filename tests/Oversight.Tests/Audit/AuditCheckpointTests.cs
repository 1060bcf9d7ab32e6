using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Audit;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Audit;

/// <summary>
/// Anchoring the chain: a checkpoint kept outside Oversight shows a cut tail, which the chain alone cannot; and a
/// chain rewritten whole by someone who holds only the database fails, because its hashes are keyed with the key file.
/// </summary>
public sealed class AuditCheckpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task AddUnitsAsync(TestDatabase database, int count, int from = 0)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        for (var i = from; i < from + count; i++)
        {
            var unit = new Unit { Code = $"99{i:000}" };
            unit.Versions.Add(new UnitVersion { Name = $"Xã Thử {i}", Kind = UnitKind.Commune });
            db.Units.Add(unit);
            await db.SaveChangesAsync(Cancel);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await OversightCli.RunAsync([.. args, .. database.SettingsArgs], TextReader.Null, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_checkpoint_shows_entries_cut_from_the_end_that_the_chain_alone_does_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUnitsAsync(database, 3);
        var file = Path.Combine(Path.GetTempPath(), "oversight-tests", $"checkpoint-{Guid.NewGuid():N}.txt");
        try
        {
            var taken = await RunAsync(database, "audit", "checkpoint", "--out", file);
            await AddUnitsAsync(database, 2, from: 3);
            var later = await RunAsync(database, "audit", "checkpoint", "--out", file);
            var intact = await RunAsync(database, "audit", "verify", "--checkpoint", file);
            var lines = await File.ReadAllLinesAsync(file, Cancel);
            var lastSequence = long.Parse(lines[1].Split(' ')[1]["sequence=".Length..]);

            await using (var scope = database.SystemScope())
            {
                await scope.ServiceProvider.GetRequiredService<OversightDbContext>().AuditEntries
                    .Where(e => e.Sequence > lastSequence - 2).ExecuteDeleteAsync(Cancel);
            }

            var chainAlone = await RunAsync(database, "audit", "verify");
            var withCheckpoint = await RunAsync(database, "audit", "verify", "--checkpoint", file);

            Assert.Equal(0, taken.ExitCode);
            Assert.Equal(0, later.ExitCode);
            Assert.Equal(2, lines.Length);
            Assert.All(lines, line => Assert.Matches("^oversight-audit-checkpoint sequence=[0-9]+ hash=[0-9a-f]{64} at=[0-9T:Z-]+$", line));
            Assert.Equal(0, intact.ExitCode);
            Assert.Contains("matches 2 checkpoint(s)", intact.Output);
            Assert.Equal(0, chainAlone.ExitCode);
            Assert.Equal(1, withCheckpoint.ExitCode);
            Assert.Contains($"before entry {lastSequence}", withCheckpoint.Error);
            Assert.Contains("removed from its end", withCheckpoint.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Whoever can write to the database changes an entry and recomputes every hash after it, as the chain was
    /// computed before it was keyed: without the key file the hashes do not fit, and the checkpoint differs too.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_chain_recomputed_without_the_key_file_fails_to_verify_and_differs_from_its_checkpoint(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUnitsAsync(database, 4);
        var file = Path.Combine(Path.GetTempPath(), "oversight-tests", $"checkpoint-{Guid.NewGuid():N}.txt");
        try
        {
            await RunAsync(database, "audit", "checkpoint", "--out", file);
            await using (var scope = database.SystemScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
                var entries = await db.AuditEntries.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync(Cancel);
                const string forged = "{\"Name\":\"Xã Giả Mạo\"}";
                var previous = entries[1].Hash!;
                foreach (var entry in entries.Skip(2))
                {
                    entry.PreviousHash = previous;
                    entry.Hash = previous = ForgedHash(entry, entry == entries[2] ? forged : entry.After);
                }

                foreach (var entry in entries.Skip(2))
                {
                    await db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s
                        .SetProperty(e => e.After, entry == entries[2] ? forged : entry.After)
                        .SetProperty(e => e.PreviousHash, entry.PreviousHash)
                        .SetProperty(e => e.Hash, entry.Hash), Cancel);
                }
            }

            var verify = await RunAsync(database, "audit", "verify", "--checkpoint", file);

            Assert.Equal(1, verify.ExitCode);
            Assert.Contains("Audit chain broken at entry 3", verify.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_checkpoint_file_that_is_not_one_is_refused_naming_the_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), "oversight-tests", $"checkpoint-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "oversight-audit-checkpoint sequence=1 hash=" + new string('a', 64) + " at=2026-12-05T00:00:00Z\nhead 12 abc\n", Cancel);
        try
        {
            var verify = await RunAsync(database, "audit", "verify", "--checkpoint", file);

            Assert.Equal(1, verify.ExitCode);
            Assert.Contains($"{file}, line 2: not a checkpoint line", verify.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A chain sealed before chains were keyed is keyed at start when it is intact, and then verifies.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_intact_chain_sealed_before_it_was_keyed_is_keyed_at_start(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddUnitsAsync(database, 3);
        await database.SealAuditAsync();
        await using (var scope = database.SystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
            var entries = await db.AuditEntries.Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync(Cancel);
            var previous = AuditChain.Genesis;
            foreach (var entry in entries)
            {
                entry.PreviousHash = previous;
                entry.Hash = previous = ForgedHash(entry, entry.After);
            }

            await db.SaveChangesAsync(Cancel);
        }

        await DatabaseInitializer.MigrateAsync(database.Services, null, Cancel);

        await using var check = database.SystemScope();
        var result = await check.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(Cancel);
        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.EntriesChecked >= 6);
    }

    /// <summary>The unkeyed hash (SHA-256 of the entry's fields), as anyone holding only the database can compute it.</summary>
    private static string ForgedHash(AuditEntry e, string? after) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f',
        e.Sequence!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        e.Actor, e.Action, e.EntityType, e.EntityId,
        e.UnitId?.ToString() ?? string.Empty,
        e.Before ?? "\u2400", after ?? "\u2400",
        e.PreviousHash!))));
}
