using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Accounts;

namespace Oversight.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,
}

/// <summary>Which database Oversight uses: <c>Database:Provider</c> and <c>ConnectionStrings:Oversight</c>.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default: a SQLite file under <c>data/</c> in the working directory.</summary>
    public const string DefaultSqliteConnection = "Data Source=data/oversight.db";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var providerName = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerName)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider '{providerName}' is not supported; use Sqlite or PostgreSQL.");
        var connection = configuration.GetConnectionString("Oversight");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnection
                : throw new InvalidOperationException("ConnectionStrings:Oversight is required for PostgreSQL.");
        }

        return new(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Oversight.Migrations.Sqlite"));
                break;
            case DatabaseProvider.PostgreSQL:
                options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Oversight.Migrations.PostgreSQL"));
                break;
        }
    }
}

/// <summary>Creates and migrates the database and the fixed reference rows (roles) it needs, and builds the indicators' facts that are out of date.</summary>
public static class DatabaseInitializer
{
    /// <summary>
    /// Migrates; also loads the installation's key file first (<see cref="Keys.KeyFileException"/> when it is missing,
    /// so that nothing starts without it), refuses a key ring encrypted with another key file (a database restored
    /// without its own), says on <paramref name="notices"/> when the key file was just made, encrypts the keys still in
    /// the clear and keys an audit chain sealed before chains were keyed.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, TextWriter? notices = null, CancellationToken cancellationToken = default)
    {
        var key = services.GetRequiredService<Keys.InstallationKey>();
        using var scope = services.CreateScope();
        var settings = scope.ServiceProvider.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        scope.ServiceProvider.GetRequiredService<Caller>().SetSystem("system:start-up");
        var db = scope.ServiceProvider.GetRequiredService<OversightDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // Readers do not block the writer, and the writer does not block readers.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await Keys.KeyRingAtStart.RefuseAnotherKeyFileAsync(db, key, cancellationToken);
        if (key.Created && notices is not null)
        {
            await notices.WriteLineAsync($"Made the installation's key file {key.Path}. Keep it, and a copy of it, apart from the database and its "
                + "backups: without it no denouncer's identity can be read and the audit chain cannot be verified.");
        }

        await Keys.KeyRingAtStart.EncryptPlainKeysAsync(db, new Keys.KeyRingEncryptor(key), cancellationToken);
        await Audit.AuditChainUpgrade.KeyUnkeyedChainAsync(db, scope.ServiceProvider.GetRequiredService<Audit.AuditChain>(), cancellationToken);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await Accountability.SearchTextBackfill.RunAsync(db, cancellationToken);

        // Facts of a set whose definitions changed (or that were never built) are built from its records.
        await scope.ServiceProvider.GetRequiredService<Indicators.IndicatorFacts>()
            .RebuildAsync(db, null, staleOnly: true, scope.ServiceProvider.GetRequiredService<TimeProvider>(), cancellationToken);
    }
}
