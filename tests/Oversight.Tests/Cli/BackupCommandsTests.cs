using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Attachments;
using Oversight.Backups;
using Oversight.Data;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Tests.Hosting;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Cli;

/// <summary><c>oversight backup</c> and <c>oversight restore</c>, run as processes against databases another process writes.</summary>
public sealed class BackupCommandsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("oversight-backup-tests-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public enum Damage
    {
        /// <summary>An attachment replaced by other bytes: the archive is still a valid ZIP, only the checksum tells.</summary>
        AttachmentReplaced,

        /// <summary>One byte of the database copy changed inside the archive.</summary>
        DatabaseByteChanged,
    }

    public static TheoryData<DatabaseProvider, Damage> Damages => new()
    {
        { DatabaseProvider.Sqlite, Damage.AttachmentReplaced },
        { DatabaseProvider.Sqlite, Damage.DatabaseByteChanged },
        { DatabaseProvider.PostgreSQL, Damage.AttachmentReplaced },
        { DatabaseProvider.PostgreSQL, Damage.DatabaseByteChanged },
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_backup_taken_while_cases_are_written_restores_into_an_empty_database_with_the_manifests_counts_and_an_intact_chain(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(source);
        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await ReceiveCaseWithAttachmentAsync(source, written);
                Interlocked.Increment(ref written);
            }
        }, Cancel);
        await WaitForAsync(() => Volatile.Read(ref written) >= 5, writer);
        var archive = Path.Combine(folder, "oversight.zip");
        var writtenBeforeBackup = Volatile.Read(ref written);

        var backup = await AppProcess.RunAsync(AppProcess.Cli, [.. source.SettingsArgs, "backup", "--out", archive]);
        var writtenByEndOfBackup = Volatile.Read(ref written);
        await WaitForAsync(() => Volatile.Read(ref written) >= writtenByEndOfBackup + 3, writer);
        await stop.CancelAsync();
        await writer;

        Assert.True(backup.ExitCode == 0, backup.ToString());
        Assert.True(writtenByEndOfBackup > writtenBeforeBackup, "no case was written while the backup ran");
        Assert.Contains("key file", backup.Output);
        var manifest = await ReadManifestAsync(archive);
        var casesInBackup = manifest.Tables[Table(provider, "Cases")];
        Assert.InRange(casesInBackup, 5, Volatile.Read(ref written) - 1);
        Assert.Equal(manifest.Tables[Table(provider, "Attachments")], manifest.Attachments.Count());

        await using var target = await TestDatabase.CreateAsync(provider, migrate: false);
        var restore = await AppProcess.RunAsync(AppProcess.Cli, [.. target.SettingsArgs, "restore", archive]);
        var verify = await AppProcess.RunAsync(AppProcess.Cli, [.. target.SettingsArgs, "audit", "verify"]);

        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Contains($"Every table's row count equals the backup's: {manifest.Tables.Count} tables, {manifest.TotalRows} rows.", restore.Output);
        Assert.Contains("key file", restore.Output);
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.StartsWith("Audit chain intact", verify.Output);
        await using var scope = target.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        Assert.Equal(casesInBackup, await db.Cases.LongCountAsync(Cancel));
        Assert.Equal(manifest.Tables[Table(provider, "CaseSteps")], await db.CaseSteps.LongCountAsync(Cancel));
        Assert.Equal(manifest.Tables[Table(provider, "AuditEntries")], await db.AuditEntries.LongCountAsync(Cancel));
        var store = scope.ServiceProvider.GetRequiredService<IAttachmentStore>();
        var attachments = await db.Attachments.ToListAsync(Cancel);
        Assert.Equal(manifest.Attachments.Count(), attachments.Count);
        foreach (var attachment in attachments)
        {
            await using var content = await store.OpenReadAsync(attachment.Id, Cancel);
            Assert.NotNull(content);
            Assert.Equal(attachment.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(content, Cancel)));
        }
    }

    [Theory, MemberData(nameof(Damages))]
    public async Task A_damaged_archive_is_refused_naming_the_file_and_nothing_is_restored(DatabaseProvider provider, Damage damage)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(source);
        await ReceiveCaseWithAttachmentAsync(source, 1);
        var archive = await BackUpAsync(source);
        var manifest = await ReadManifestAsync(archive);
        var damaged = damage == Damage.AttachmentReplaced ? manifest.Attachments.Single().Path : manifest.Database;
        if (damage == Damage.AttachmentReplaced)
        {
            using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
            await using var content = zip.GetEntry(damaged)!.Open();
            content.SetLength(0);
            await content.WriteAsync(Png(2), Cancel);
        }
        else
        {
            // The database copy is the archive's first entry, and by far its largest.
            await using var file = File.Open(archive, FileMode.Open, FileAccess.ReadWrite);
            file.Position = 4096;
            var original = (byte)file.ReadByte();
            file.Position = 4096;
            file.WriteByte((byte)~original);
        }

        await using var target = await TestDatabase.CreateAsync(provider, migrate: false);
        var restore = await AppProcess.RunAsync(AppProcess.Cli, [.. target.SettingsArgs, "restore", archive]);

        Assert.Equal(1, restore.ExitCode);
        Assert.StartsWith($"oversight restore: {damaged} is damaged", restore.Error);
        Assert.False(Directory.Exists(target.AttachmentsRoot));
        await AssertHasNoTablesAsync(target);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_restore_into_a_database_with_tables_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(source);
        var archive = await BackUpAsync(source);
        await using var target = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(target);
        await ReceiveCaseWithAttachmentAsync(target, 2);
        var before = await ContentsAsync(target);

        var restore = await AppProcess.RunAsync(AppProcess.Cli, [.. target.SettingsArgs, "restore", archive]);

        Assert.Equal(1, restore.ExitCode);
        Assert.Equal("oversight restore: the database to restore into has tables already; restore only into an empty database (a new SQLite file or a new PostgreSQL database)", restore.Error.Trim());
        Assert.Equal(before, await ContentsAsync(target));
    }

    [Fact]
    public async Task A_backup_never_overwrites_a_file()
    {
        await using var source = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var archive = Path.Combine(folder, "existing.zip");
        await File.WriteAllTextAsync(archive, "an earlier backup", Cancel);

        var backup = await AppProcess.RunAsync(AppProcess.Cli, [.. source.SettingsArgs, "backup", "--out", archive]);

        Assert.Equal(1, backup.ExitCode);
        Assert.Equal($"oversight backup: {archive} already exists; name a new file", backup.Error.Trim());
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(archive, Cancel));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Receives a case and attaches a file to it, each in its own transaction, through the services the web host calls.</summary>
    private static async Task ReceiveCaseWithAttachmentAsync(TestDatabase database, int number)
    {
        await using var scope = database.SystemScope("officer");
        var request = new CaseRequest("petition", "10072", "2024-05-02", "mail", $"Kiến nghị số {number}", "Nội dung đơn.", new PetitionerDetails("Trần Thị Hạnh", "Xóm Chợ", "0987654321"));
        var received = await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(request, Cancel);
        Assert.True(received.Errors.Count == 0, string.Join("; ", received.Errors.Select(e => e.Message)));
        var files = scope.ServiceProvider.GetRequiredService<AttachmentFiles>();
        var bytes = Png(number);
        var errors = new List<FieldError>();
        var upload = files.Check([new Upload($"don-{number}.png", bytes.Length, () => new MemoryStream(bytes))], "files", errors);
        Assert.Empty(errors);
        await files.SaveWithAsync(upload, nameof(CitizenCase), received.Case!.Id, received.Case.UnitId, Cancel);
    }

    /// <summary>A file with PNG's signature, different for every number.</summary>
    private static byte[] Png(int number) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. BitConverter.GetBytes(number)];

    private async Task<string> BackUpAsync(TestDatabase database)
    {
        var archive = Path.Combine(folder, $"{Guid.NewGuid():N}.zip");
        var backup = await AppProcess.RunAsync(AppProcess.Cli, [.. database.SettingsArgs, "backup", "--out", archive]);
        Assert.True(backup.ExitCode == 0, backup.ToString());
        return archive;
    }

    private static async Task<BackupManifest> ReadManifestAsync(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        await using var content = zip.GetEntry(BackupManifest.EntryName)!.Open();
        return await BackupManifest.ReadAsync(content, Cancel);
    }

    /// <summary>How many units, cases, attachment rows and attachment files a database has.</summary>
    private static async Task<(int Units, int Cases, int Attachments, int Files)> ContentsAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        return (await db.Units.CountAsync(Cancel), await db.Cases.CountAsync(Cancel), await db.Attachments.CountAsync(Cancel),
            Directory.EnumerateFiles(database.AttachmentsRoot, "*", SearchOption.AllDirectories).Count());
    }

    /// <summary>A table's name in a manifest: with its schema on PostgreSQL.</summary>
    private static string Table(DatabaseProvider provider, string name) => provider == DatabaseProvider.PostgreSQL ? $"public.{name}" : name;

    private static async Task AssertHasNoTablesAsync(TestDatabase database)
    {
        await using var scope = database.SystemScope();
        var creator = scope.ServiceProvider.GetRequiredService<OversightDbContext>().GetService<IRelationalDatabaseCreator>();
        Assert.False(await creator.ExistsAsync(Cancel) && await creator.HasTablesAsync(Cancel));
    }

    /// <summary>Waits (up to 60 s) until a condition holds, failing at once when the writer failed.</summary>
    private static async Task WaitForAsync(Func<bool> condition, Task writer)
    {
        for (var waited = 0; !condition(); waited++)
        {
            if (writer.IsCompleted)
            {
                await writer;
                Assert.Fail("the writer stopped");
            }

            Assert.True(waited < 600, "the writer wrote too few cases in 60 s");
            await Task.Delay(100, Cancel);
        }
    }
}
