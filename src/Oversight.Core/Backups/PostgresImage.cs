using System.Data;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Oversight.Data;

namespace Oversight.Backups;

/// <summary>
/// A PostgreSQL database, copied and loaded the way PostgreSQL documents: <c>pg_dump --format=custom</c>, and
/// <c>pg_restore</c> into an empty database.
/// </summary>
internal sealed class PostgresImage(OversightDbContext db, DatabaseSettings settings, PostgresTools tools) : DatabaseImage(db)
{
    /// <summary>Permanent tables outside PostgreSQL's own schemas (the temporary tables of other sessions are not the database's).</summary>
    protected override string TablesQuery =>
        """
        SELECT n.nspname, c.relname FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
        WHERE c.relkind = 'r' AND c.relpersistence <> 't' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
        ORDER BY 1, 2
        """;

    public override string EntryName => "database/oversight.dump";

    /// <summary>pg_dump's custom format is compressed already.</summary>
    public override CompressionLevel Compression => CompressionLevel.NoCompression;

    /// <remarks>
    /// The counts and attachments are read in a repeatable-read transaction whose snapshot pg_dump then takes up
    /// (<c>--snapshot</c>): both see the database as it stood at the same moment, whatever is committed meanwhile.
    /// The transaction stays open until pg_dump has finished, as the exported snapshot requires.
    /// </remarks>
    public override async Task<DatabaseContents> CopyAsync(string file, CancellationToken cancellationToken)
    {
        await Db.Database.OpenConnectionAsync(cancellationToken);
        var connection = Db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var export = connection.CreateCommand();
        export.Transaction = transaction;
        export.CommandText = "SELECT pg_export_snapshot()";
        var snapshot = (string)(await export.ExecuteScalarAsync(cancellationToken))!;
        var contents = await ReadContentsAsync(connection, transaction, cancellationToken);
        await tools.RunAsync("pg_dump", settings.ConnectionString, ["--format=custom", $"--snapshot={snapshot}", $"--file={file}"], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return contents;
    }

    /// <remarks>
    /// Creates the database when it does not exist. In one transaction, so that a failed restore leaves it empty; without the
    /// source's owners and grants, so that the tables belong to the account that restores them, as they would had
    /// Oversight created them.
    /// </remarks>
    public override async Task LoadAsync(string file, CancellationToken cancellationToken)
    {
        var creator = Db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken))
        {
            await creator.CreateAsync(cancellationToken);
        }

        await tools.RunAsync("pg_restore", settings.ConnectionString, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", file], cancellationToken);
    }
}
