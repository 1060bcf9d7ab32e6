using System.Data.Common;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Oversight.Data;

namespace Oversight.Backups;

/// <summary>An attachment row of a database copy: the file the copy needs from the store, and the checksum it was uploaded with.</summary>
internal sealed record StoredAttachment(Guid Id, long Length, string Sha256);

/// <summary>What a database copy holds, read from the copy itself: its schema version, every table's row count, its attachments.</summary>
internal sealed record DatabaseContents(string SchemaVersion, SortedDictionary<string, long> Tables, IReadOnlyList<StoredAttachment> Attachments);

/// <summary>
/// One provider's way to copy Oversight's database consistently while it is written, and to load such a copy into an
/// empty database (<see cref="SqliteImage"/>, <see cref="PostgresImage"/>).
/// </summary>
internal abstract class DatabaseImage(OversightDbContext db)
{
    /// <summary>Tables as (schema or null, name): every table that holds rows of Oversight.</summary>
    protected abstract string TablesQuery { get; }

    protected OversightDbContext Db => db;

    /// <summary>The database copy's path in the archive.</summary>
    public abstract string EntryName { get; }

    /// <summary>How the copy is compressed in the archive.</summary>
    public abstract CompressionLevel Compression { get; }

    /// <summary>Copies the database as it stands at one moment into <paramref name="file"/> and says what the copy holds.</summary>
    public abstract Task<DatabaseContents> CopyAsync(string file, CancellationToken cancellationToken);

    /// <summary>Loads a copy made by <see cref="CopyAsync"/> into the configured database, which has no tables.</summary>
    public abstract Task LoadAsync(string file, CancellationToken cancellationToken);

    /// <summary>Every table's row count in the configured database.</summary>
    public async Task<SortedDictionary<string, long>> CountTablesAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return await CountTablesAsync(db.Database.GetDbConnection(), null, cancellationToken);
    }

    /// <summary>What the database on <paramref name="connection"/> holds, read in <paramref name="transaction"/> when there is one.</summary>
    protected async Task<DatabaseContents> ReadContentsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var schemaVersion = await QueryAsync(
            connection, transaction, """SELECT "MigrationId" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" DESC LIMIT 1""", r => r.GetString(0), cancellationToken);
        var attachments = await QueryAsync(
            connection, transaction, """SELECT "Id", "Length", "Sha256" FROM "Attachments" ORDER BY "Id" """,
            r => new StoredAttachment(r.GetGuid(0), r.GetInt64(1), r.GetString(2)), cancellationToken);
        return new DatabaseContents(schemaVersion.Single(), await CountTablesAsync(connection, transaction, cancellationToken), attachments);
    }

    private async Task<SortedDictionary<string, long>> CountTablesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var tables = await QueryAsync(connection, transaction, TablesQuery, r => (Schema: r.IsDBNull(0) ? null : r.GetString(0), Name: r.GetString(1)), cancellationToken);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (schema, name) in tables)
        {
            var from = schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";
            var rows = await QueryAsync(connection, transaction, $"SELECT COUNT(*) FROM {from}", r => r.GetInt64(0), cancellationToken);
            counts.Add(schema is null ? name : $"{schema}.{name}", rows[0]);
        }

        return counts;
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
