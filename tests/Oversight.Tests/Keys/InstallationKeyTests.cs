using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Cli;
using Oversight.Data;
using Oversight.Keys;
using Oversight.Petitions;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Keys;

/// <summary>
/// The key ring is encrypted with the installation's key file, which is not in the database: the database alone, or a
/// copy of it, decrypts nothing; keys stored in the clear before are encrypted at start; a server deployment does not
/// start without the file, and the embedded database makes one beside itself and says so.
/// </summary>
public sealed class InstallationKeyTests
{
    private const string IdentityPurpose = "Oversight.Petitions.DenouncerIdentity.v1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static CaseRequest Denunciation() => new(
        "denunciation", "10072", "2024-05-02", "mail", "Tố cáo cán bộ địa chính", "Nội dung đơn.", new PetitionerDetails("Trần Thị Hạnh", "Xóm Chợ", "0987654321"));

    private static ServiceProvider Node(TestDatabase database, string? keyFile, Action<IServiceCollection>? alter = null)
    {
        var settings = new Dictionary<string, string?>(database.Settings) { [InstallationKey.Setting] = keyFile };
        var services = new ServiceCollection().AddLogging().AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        alter?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static string NewKeyFile()
    {
        var file = Path.Combine(Path.GetTempPath(), "oversight-tests", "keys", $"other-{Guid.NewGuid():N}.key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return file;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task No_key_is_stored_in_the_clear_and_the_database_with_another_key_file_decrypts_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestUnits.AddChuongMyFragmentAsync(database);
        string ciphertext;
        await using (var scope = database.SystemScope())
        {
            ciphertext = (await scope.ServiceProvider.GetRequiredService<CaseWorkflow>().ReceiveAsync(Denunciation(), Cancel)).Case!.ProtectedIdentity!;
        }

        var otherKey = NewKeyFile();
        await using var thief = Node(database, otherKey);
        var stolen = thief.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose);

        await using var check = database.SystemScope();
        var ring = await check.ServiceProvider.GetRequiredService<OversightDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync(Cancel);
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml);
            Assert.DoesNotContain("requiresEncryption", xml);
            Assert.Contains(KeyRingEncryptor.ElementName, xml);
        });
        Assert.ThrowsAny<CryptographicException>(() => stolen.Unprotect(ciphertext));

        // Started on that database, the node with another key file refuses, naming it, rather than make keys of its own.
        var refusal = await Assert.ThrowsAsync<KeyFileException>(() => DatabaseInitializer.MigrateAsync(thief, null, Cancel));
        Assert.Contains($"were encrypted with another key file than {otherKey}", refusal.Message);
        File.Delete(otherKey);
    }

    [Fact]
    public async Task A_copy_of_the_embedded_database_without_its_key_file_decrypts_nothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "oversight-tests", $"installation-{Guid.NewGuid():N}");
        var copyFolder = folder + "-copy";
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(copyFolder);
        try
        {
            var settings = new Dictionary<string, string?> { ["ConnectionStrings:Oversight"] = $"Data Source={Path.Combine(folder, "oversight.db")};Pooling=False" };
            string ciphertext;
            await using (var services = new ServiceCollection().AddLogging().AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider())
            {
                var notices = new StringWriter();
                await DatabaseInitializer.MigrateAsync(services, notices, Cancel);
                Assert.Contains(Path.Combine(folder, "keys", "oversight.key"), notices.ToString());
                Assert.Contains("Keep it", notices.ToString());
                ciphertext = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose).Protect("Trần Thị Hạnh");
            }

            // A second start reads the same key and says nothing; the copy, started elsewhere, gets a key of its own and
            // does not start with it.
            await using (var again = new ServiceCollection().AddLogging().AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider())
            {
                var notices = new StringWriter();
                await DatabaseInitializer.MigrateAsync(again, notices, Cancel);
                Assert.Equal("", notices.ToString());
                Assert.Equal("Trần Thị Hạnh", again.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose).Unprotect(ciphertext));
            }

            SqliteConnection.ClearAllPools();
            File.Copy(Path.Combine(folder, "oversight.db"), Path.Combine(copyFolder, "oversight.db"));
            var copySettings = new Dictionary<string, string?> { ["ConnectionStrings:Oversight"] = $"Data Source={Path.Combine(copyFolder, "oversight.db")};Pooling=False" };
            await using var copy = new ServiceCollection().AddLogging().AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(copySettings).Build()).BuildServiceProvider();
            var refusal = await Assert.ThrowsAsync<KeyFileException>(() => DatabaseInitializer.MigrateAsync(copy, null, Cancel));
            Assert.Contains($"another key file than {Path.Combine(copyFolder, "keys", "oversight.key")}, which was made just now", refusal.Message);

            Assert.ThrowsAny<CryptographicException>(() => copy.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose).Unprotect(ciphertext));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            Directory.Delete(copyFolder, recursive: true);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Keys_stored_in_the_clear_before_are_encrypted_at_start_and_still_decrypt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string ciphertext;
        await using (var earlier = Node(database, TestDatabase.KeyFile.Value, services => services.PostConfigure<KeyManagementOptions>(o => o.XmlEncryptor = null)))
        {
            ciphertext = earlier.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose).Protect("Trần Thị Hạnh");
        }

        await using (var before = database.SystemScope())
        {
            Assert.Contains("<masterKey", (await before.ServiceProvider.GetRequiredService<OversightDbContext>().DataProtectionKeys.SingleAsync(Cancel)).Xml);
        }

        await DatabaseInitializer.MigrateAsync(database.Services, null, Cancel);
        await using var node = Node(database, TestDatabase.KeyFile.Value);

        await using var after = database.SystemScope();
        var xml = (await after.ServiceProvider.GetRequiredService<OversightDbContext>().DataProtectionKeys.SingleAsync(Cancel)).Xml;
        Assert.DoesNotContain("<masterKey", xml);
        Assert.Contains(KeyRingEncryptor.ElementName, xml);
        Assert.Equal("Trần Thị Hạnh", node.GetRequiredService<IDataProtectionProvider>().CreateProtector(IdentityPurpose).Unprotect(ciphertext));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_named_key_file_that_does_not_exist_stops_the_command_with_what_to_do(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var missing = Path.Combine(Path.GetTempPath(), "oversight-tests", "keys", $"missing-{Guid.NewGuid():N}.key");
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await OversightCli.RunAsync(["audit", "verify", .. database.SettingsArgs, "--" + InstallationKey.Setting, missing], TextReader.Null, output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains(missing, error.ToString());
        Assert.Contains("openssl rand -base64 32", error.ToString());
        Assert.DoesNotContain("   at ", error.ToString());
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task PostgreSQL_does_not_start_without_a_key_file()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSQL);
        await using var node = Node(database, keyFile: null);

        var refused = await Assert.ThrowsAsync<KeyFileException>(() => DatabaseInitializer.MigrateAsync(node, null, Cancel));

        Assert.Contains("Keys:File", refused.Message);
    }
}
