using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Keys;

namespace Oversight.Benchmarks;

/// <summary>
/// A fresh database for one measurement: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server given by <c>--postgres "Host=…;Port=…;Username=…"</c>.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? sqliteFile;
    private readonly string? postgresServer;
    private readonly string? postgresDatabase;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresServer, string? postgresDatabase)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresServer = postgresServer;
        this.postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point a host or the CLI at this database.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Oversight"] = ConnectionString,
        [InstallationKey.Setting] = KeyFile.Value,
    };

    public string[] SettingsArgs => Settings.SelectMany(s => new[] { "--" + s.Key, s.Value }).ToArray();

    /// <summary>The installation's key file of every benchmark database, kept between runs so that a kept database stays readable.</summary>
    private static Lazy<string> KeyFile { get; } = new(() =>
    {
        var file = Path.Combine(Path.GetTempPath(), "oversight-bench", "keys", "oversight.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        }

        return file;
    });

    /// <summary>Leaves the database in place when disposed, and says where it is.</summary>
    public bool Keep { get; init; }

    public static async Task<BenchDatabase> CreateAsync(string? postgresServer, bool keep = false)
    {
        var database = await NewAsync(postgresServer);
        return keep ? new BenchDatabase(database.Provider, database.ConnectionString, database.sqliteFile, database.postgresServer, database.postgresDatabase) { Keep = true } : database;
    }

    private static async Task<BenchDatabase> NewAsync(string? postgresServer)
    {
        if (postgresServer is null)
        {
            var file = Path.Combine(Path.GetTempPath(), "oversight-bench", $"{Guid.NewGuid():N}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            return new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null, null);
        }

        var name = $"oversight_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(postgresServer))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(postgresServer) { Database = name };
        return new BenchDatabase(DatabaseProvider.PostgreSQL, builder.ConnectionString, null, postgresServer, name);
    }

    /// <summary>Services of the core on this database, migrated, acting as the system.</summary>
    public async Task<ServiceProvider> OpenAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
        var services = new ServiceCollection().AddLogging().AddOversightCore(configuration).BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(services);
        return services;
    }

    public static AsyncServiceScope SystemScope(IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem("benchmark");
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            Console.WriteLine($"Kept the {Provider} database: {ConnectionString}");
            return;
        }

        if (sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }

        if (postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
