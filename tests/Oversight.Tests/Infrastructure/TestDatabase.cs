using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Keys;

namespace Oversight.Tests.Infrastructure;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file, or a new database on the PostgreSQL server named by
/// <c>OVERSIGHT_TEST_POSTGRES</c> (scripts/test.sh starts one on loopback). Without that variable PostgreSQL
/// tests are skipped, unless <c>OVERSIGHT_REQUIRE_POSTGRES=1</c>, when they fail.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresDatabase;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresDatabase, FakeTimeProvider time)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresDatabase = postgresDatabase;
        Time = time;
        Services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddOversightCore(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build())
            .BuildServiceProvider();
    }

    /// <summary>Both providers, for <c>[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]</c>.</summary>
    public static TheoryData<DatabaseProvider> Providers => new(DatabaseProvider.Sqlite, DatabaseProvider.PostgreSQL);

    /// <summary>The default clock of tests: 25 Nov 2026, 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 9, 0, 0, TimeSpan.FromHours(7));

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Services { get; }

    /// <summary>The configuration that points a host (web or CLI) at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Oversight"] = ConnectionString,
        ["Attachments:Root"] = AttachmentsRoot,
        [InstallationKey.Setting] = KeyFile.Value,
    };

    /// <summary>The installation's key file of every test database of this run (as the nodes of a deployment share one).</summary>
    public static Lazy<string> KeyFile { get; } = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), "oversight-tests", "keys", $"run-{Environment.ProcessId}-{Guid.NewGuid():N}.key");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        return file;
    });

    /// <summary>The folder of this database's attachments, removed with it.</summary>
    public string AttachmentsRoot { get; } = Path.Combine(Path.GetTempPath(), "oversight-tests", $"attachments-{Guid.NewGuid():N}");

    /// <summary>The same settings as command-line arguments.</summary>
    public string[] SettingsArgs => [.. Settings.SelectMany(setting => new[] { $"--{setting.Key}", setting.Value! })];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var time = new FakeTimeProvider(DefaultNow.ToUniversalTime());
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "oversight-tests", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            database = new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null, time);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("OVERSIGHT_TEST_POSTGRES");
            if (string.IsNullOrEmpty(server))
            {
                if (Environment.GetEnvironmentVariable("OVERSIGHT_REQUIRE_POSTGRES") == "1")
                {
                    throw new InvalidOperationException("OVERSIGHT_TEST_POSTGRES is not set; run the suite with scripts/test.sh.");
                }

                Assert.Skip("PostgreSQL not configured (OVERSIGHT_TEST_POSTGRES); scripts/test.sh starts one.");
            }

            var name = $"oversight_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false };
            database = new TestDatabase(provider, builder.ConnectionString, null, name, time);
        }

        if (migrate)
        {
            await DatabaseInitializer.MigrateAsync(database.Services);
        }

        return database;
    }

    /// <summary>A service scope acting as the system (administrator scope), as a CLI command does.</summary>
    public AsyncServiceScope SystemScope(string actor = "test")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem(actor);
        return scope;
    }

    /// <summary>
    /// Seals every committed audit entry into the chain, waiting (up to 30 s) while another sealer (a web host's) is at work.
    /// </summary>
    public async Task SealAuditAsync()
    {
        await using var scope = SystemScope();
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        var sealer = scope.ServiceProvider.GetRequiredService<Oversight.Audit.AuditSealer>();
        for (var attempt = 0; ; attempt++)
        {
            await sealer.SealAllAsync(TestContext.Current.CancellationToken);
            if (!await db.AuditEntries.AnyAsync(e => e.Sequence == null, TestContext.Current.CancellationToken))
            {
                return;
            }

            Assert.True(attempt < 300, "audit entries stayed unsealed for 30 s");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A service scope acting as a user with one role, scoped to a unit (null: no scope).</summary>
    public AsyncServiceScope UserScope(string name, string role, Guid? scopeUnitId)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetUser(name, name, [role], scopeUnitId);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Directory.Exists(AttachmentsRoot))
        {
            Directory.Delete(AttachmentsRoot, recursive: true);
        }

        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("OVERSIGHT_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
